// SortedSetKeyspace: every bad input is refused when the call is made, with nothing queued and nothing
// sent (counted by the round-trip proxy), alone and on a pipe.
import { expect } from 'chai';
import { Binary, Integer, InvalidValueError, Text, type Codec } from '../../lib/codecs/index.js';
import { InvalidArgumentError, InvalidIdError, SortedSetKeyspace } from '../../lib/keyspaces/index.js';
import { pipeline, PipelineUsageError, type Pipeline } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { thrown, useCountedConnection } from './collections-support.js';

type ErrorClass = abstract new (...args: never[]) => Error;
type Z<V> = SortedSetKeyspace<V>;

function kind<V>(codec: Codec<V>): { Z: new (id: string, pipe?: Pipeline) => Z<V>; key: (id: string) => string } {
  const prefix = uniqueKey('R');
  class Z extends SortedSetKeyspace<V> {
    static override keyspace = prefix;
    static override valueCodec = codec as Codec<unknown>;
  }
  return { Z, key: (id) => `${prefix}{${id}}` };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('SortedSetKeyspace: refused input (thrown when queued, nothing sent)', () => {
  const counted = useCountedConnection();

  /** Expects `call` to throw `type` at once, alone and on a pipe (left empty); nothing reaches Redis. */
  async function refused<V>(type: ErrorClass, call: (z: Z<V>) => unknown, codec: Codec<V>, ...parts: string[]): Promise<void> {
    const { Z, key } = kind(codec);
    counted.proxy.reset();
    const error = thrown(() => call(new Z('1')));
    expect(error).to.be.instanceOf(type);
    for (const part of parts) expect(error.message).to.include(part);
    const pipe = pipeline();
    expect(thrown(() => call(new Z('1', pipe)))).to.be.instanceOf(type);
    expect(pipe.size, 'nothing queued').to.equal(0);
    await pipe.execute();
    await settle();
    expect(counted.proxy.roundTrips, 'nothing sent').to.equal(0);
    expect(await counted.client.exists(key('1'))).to.equal(0);
  }
  const text = (type: ErrorClass, call: (z: Z<string>) => unknown, ...parts: string[]): Promise<void> =>
    refused(type, call, Text, ...parts);

  it('NaN and non-number scores, increments, weights and bounds', async () => {
    await text(InvalidArgumentError, (z) => z.zadd('a', Number.NaN), 'ZADD', 'NaN');
    await text(InvalidArgumentError, (z) => z.zadd({ a: 1, b: Number.NaN }), 'NaN');
    await text(InvalidArgumentError, (z) => z.zadd(new Map([['a', Number.NaN]]), { ch: true }), 'NaN');
    await text(InvalidArgumentError, (z) => z.zadd([['a', '1' as unknown as number]]), 'score must be a number');
    await text(InvalidArgumentError, (z) => z.zadd('a', '1' as unknown as number), 'score must be a number');
    await text(InvalidArgumentError, (z) => z.zincrby('a', Number.NaN), 'ZINCRBY', 'increment');
    await text(InvalidArgumentError, (z) => z.zunionstore(['2', '3'], { weights: [1, Number.NaN] }), 'weight');
    await text(InvalidArgumentError, (z) => z.zrangebyscore(Number.NaN, 1), 'ZRANGEBYSCORE');
    await text(InvalidArgumentError, (z) => z.zcount('abc' as never, 1), 'bad score bound "abc"');
    await text(InvalidArgumentError, (z) => z.zremrangebyscore(1, '((2' as never), 'bad score bound');
  });

  it('contradictory ZADD options: nx+xx, nx+gt, nx+lt, gt+lt; incr with several members; nothing to add', async () => {
    await text(InvalidArgumentError, (z) => z.zadd('a', 1, { nx: true, xx: true }), 'nx and xx');
    await text(InvalidArgumentError, (z) => z.zadd({ a: 1 }, { nx: true, xx: true }), 'nx and xx');
    await text(InvalidArgumentError, (z) => z.zadd('a', 1, { nx: true, gt: true }), 'nx and gt');
    await text(InvalidArgumentError, (z) => z.zadd('a', 1, { nx: true, lt: true }), 'nx and lt');
    await text(InvalidArgumentError, (z) => z.zadd('a', 1, { gt: true, lt: true }), 'gt and lt');
    await text(InvalidArgumentError, (z) => z.zadd({ a: 1, b: 2 }, { incr: true }), 'incr takes exactly one member, got 2');
    await text(InvalidArgumentError, (z) => z.zadd({}), 'no members');
    await text(InvalidArgumentError, (z) => z.zadd(new Map()), 'no members');
    await text(InvalidArgumentError, (z) => z.zadd([['a', 1, 2] as unknown as [string, number]]), 'pairs');
  });

  it('other bad options: weights count, aggregate, limit, ranks, counts, timeouts, lex bounds', async () => {
    await text(InvalidArgumentError, (z) => z.zinterstore(['2', '3'], { weights: [1] }), 'expected 2 weights');
    await text(InvalidArgumentError, (z) => z.zunion('2', { weights: [1] }), 'expected 2 weights');
    await text(InvalidArgumentError, (z) => z.zunionstore('2', { aggregate: 'avg' as never }), 'aggregate');
    await text(InvalidArgumentError, (z) => z.zunionstore([]), 'no ids');
    await text(InvalidArgumentError, (z) => z.zrangebyscore(0, 1, { limit: { offset: 0.5, count: 1 } }), 'limit');
    await text(InvalidArgumentError, (z) => z.zrange(0, 1.5), 'integer');
    await text(InvalidArgumentError, (z) => z.zremrangebyrank(Number.NaN, 1), 'integer');
    await text(InvalidArgumentError, (z) => z.zpopmin(-1), 'count');
    await text(InvalidArgumentError, (z) => z.zrandmember(1.5), 'integer');
    await text(InvalidArgumentError, (z) => (z as unknown as { zrandmember(c: undefined, o: object): unknown }).zrandmember(undefined, { withScores: true }), 'withScores needs a count');
    await text(InvalidArgumentError, (z) => z.bzpopmin(-1), 'timeout');
    await text(InvalidArgumentError, (z) => z.bzpopmax(Infinity), 'timeout');
    await text(InvalidArgumentError, (z) => z.zrangebylex('a' as never, '+'), 'bad lex bound "a"');
    await text(InvalidArgumentError, (z) => z.zlexcount('-', 5 as never), 'bad lex bound');
    await text(InvalidArgumentError, (z) => z.zrangestore('2', 0, 1, { by: 'weight' } as never), 'by must be');
  });

  it('wrong member type per codec, in every member position', async () => {
    await text(InvalidValueError, (z) => z.zadd(5 as never, 1), 'Text', 'expected a string');
    await text(InvalidValueError, (z) => z.zrem(['a', null as never]), 'Text', 'null');
    await text(InvalidValueError, (z) => z.zscore('\uD800'), 'lone');
    await refused(InvalidValueError, (z) => z.zadd(1.5, 1), Integer, 'Integer', 'not an integer');
    await refused(InvalidValueError, (z) => z.zadd(new Map([[1, 1], [2 ** 60, 2]])), Integer, 'Integer');
    await refused(InvalidValueError, (z) => z.zrank('7' as never), Integer, 'Integer');
    await refused(InvalidValueError, (z) => z.zmscore([1, 'x' as never]), Integer, 'Integer');
    await refused(InvalidValueError, (z) => z.zrangebylex({ value: 0.5 }, '+'), Integer, 'Integer');
    await refused(InvalidValueError, (z) => z.zadd('text' as never, 1), Binary, 'Binary', 'expected a Buffer');
    await refused(InvalidValueError, (z) => z.zincrby('x' as never), Binary, 'Binary');
  });

  it('bad ids: this id, and the other ids of multi-key commands', async () => {
    const { Z } = kind(Text);
    for (const id of [5 as unknown as string, '', 'a{b', 'a}b']) {
      expect(thrown(() => new Z(id))).to.be.instanceOf(InvalidIdError);
      expect(thrown(() => new Z(id, pipeline()))).to.be.instanceOf(InvalidIdError);
    }
    await text(InvalidIdError, (z) => z.zunionstore(['2', 'x{y}']), 'cannot contain');
    await text(InvalidIdError, (z) => z.zinter([''] as string[]), 'empty');
    await text(InvalidIdError, (z) => z.zdiff([7 as unknown as string]), 'strings');
    await text(InvalidIdError, (z) => z.zrangestore('{', 0, -1));
    await text(InvalidIdError, (z) => z.bzpopmin(1, ['ok', '}']));
  });

  it('zscan on a pipelined instance is refused at the call (not at the first iteration)', async () => {
    const { Z } = kind(Text);
    const pipe = pipeline();
    const error = thrown(() => new Z('1', pipe).zscan({ match: 'a*' }));
    expect(error).to.be.instanceOf(PipelineUsageError);
    expect(error.message).to.include('scans cannot run inside a pipeline');
    expect(pipe.size).to.equal(0);
    expect(thrown(() => new Z('1').zscan({ count: 0 }))).to.be.instanceOf(InvalidArgumentError);
    await settle();
    expect(counted.proxy.roundTrips).to.equal(0);
  });
});
