// SortedSetKeyspace with member codecs other than Text: what is stored (raw bytes), what reads back, and
// Binary members (Buffer replies, scores parsed from Buffers), on the primary and on the named secondary.
import { expect } from 'chai';
import { Binary, DecodeError, Dict, Integer, type Codec, type JsonObject } from '../../lib/codecs/index.js';
import { SortedSetKeyspace } from '../../lib/keyspaces/index.js';
import { pipeline, PipelineError, type Pipeline } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { MODES, hexes, run, thrown, useServers, type Mode } from './collections-support.js';
import { stored } from './sorted-set-support.js';

/** A sorted-set class with member codec `codec`, fresh prefix, on the mode's connection. */
function kind<V>(mode: Mode, codec: Codec<V>): { Z: new (id: string, pipe?: Pipeline) => SortedSetKeyspace<V>; key: (id: string) => string } {
  const prefix = uniqueKey('Z');
  class Z extends SortedSetKeyspace<V> {
    static override keyspace = prefix;
    static override connection = mode.connection;
    static override valueCodec = codec as Codec<unknown>;
  }
  return { Z, key: (id) => `${prefix}{${id}}` };
}

describe('SortedSetKeyspace: member codecs', () => {
  const servers = useServers();

  for (const mode of MODES.filter((m) => m.pipelined || m.which === 'secondary')) {
    describe(mode.label, () => {
      it('Integer members: stored as digits, read back as numbers (ranges, pops, lex bounds, combine)', async () => {
        const { Z, key } = kind(mode, Integer);
        const raw = servers[mode.which];
        const [added, range, pairs, score, rank, lex, union, popped] = await run(mode, (pipe) => {
          const z = new Z('1', pipe);
          return [
            z.zadd(new Map([[10, 1], [-3, 2], [7, 0]])),
            z.zrange(0, -1),
            z.zrevrangebyscore('+inf', 1, { withScores: true }),
            z.zscore(-3),
            z.zrank(10),
            new Z('lex', pipe).zrangebylex('-', '+'),
            z.zunion('other', { withScores: true }),
            z.zpopmax(),
          ];
        });
        expect(added).to.equal(3);
        expect(range).to.deep.equal([7, 10, -3]);
        expect(pairs).to.deep.equal([[-3, 2], [10, 1]]);
        expect([score, rank]).to.deep.equal([2, 1]);
        expect(lex).to.deep.equal([]);
        expect(union).to.deep.equal([[7, 0], [10, 1], [-3, 2]]);
        expect(popped).to.deep.equal([-3, 2]);
        expect(await stored(raw, key('1'))).to.deep.equal([['7', '0'], ['10', '1']]);
      });

      it('Dict members: stored as JSON; a single object member is told apart from a map by its score', async () => {
        const { Z, key } = kind<JsonObject>(mode, Dict);
        const raw = servers[mode.which];
        const [added, members, removed] = await run(mode, (pipe) => {
          const z = new Z('1', pipe);
          return [z.zadd({ a: 1 }, 5), z.zrange(0, -1, { withScores: true }), z.zrem([{ b: 2 }])];
        });
        expect([added, removed]).to.deep.equal([1, 0]);
        expect(members).to.deep.equal([[{ a: 1 }, 5]]);
        expect(await stored(raw, key('1'))).to.deep.equal([['{"a":1}', '5']]);
      });

      it('Binary members: exact bytes stored, Buffers read back, scores parsed from Buffer replies', async () => {
        const { Z, key } = kind(mode, Binary);
        const raw = servers[mode.which];
        const a = Buffer.from([0xff, 0x00, 0x61]);
        const b = Buffer.from([0xc3, 0x28]); // invalid UTF-8
        const c = Buffer.from('c');
        const [added, range, pairs, score, mscore, lex, popped, blocked, random] = await run(mode, (pipe) => {
          const z = new Z('1', pipe);
          return [
            z.zadd([[a, 1], [b, Infinity], [c, 2.5]]),
            z.zrange(0, -1),
            z.zrangebyscore('-inf', '+inf', { withScores: true }),
            z.zscore(b),
            z.zmscore([a, Buffer.from('none')]),
            new Z('lex', pipe).zlexcount({ value: a }, '+'),
            z.zpopmin(),
            new Z('2', pipe).bzpopmax(1, ['1']),
            z.zrandmember(1),
          ];
        });
        expect(added).to.equal(3);
        expect(hexes(range)).to.deep.equal(hexes([a, b, c]));
        expect(range.map((m) => m.toString('hex'))).to.deep.equal([a, c, b].map((m) => m.toString('hex')));
        expect(pairs.map(([m, s]) => [m.toString('hex'), s])).to.deep.equal([['ff0061', 1], ['63', 2.5], ['c328', Infinity]]);
        expect(score).to.equal(Infinity);
        expect(mscore).to.deep.equal([1, null]);
        expect(lex).to.equal(0);
        expect(popped && [popped[0].toString('hex'), popped[1]]).to.deep.equal(['ff0061', 1]);
        expect(blocked && [blocked[0], blocked[1].toString('hex'), blocked[2]]).to.deep.equal(['1', 'c328', Infinity]);
        expect(hexes(random)).to.deep.equal(['63']);
        const rawPairs = await raw.zrangeBuffer(key('1'), 0, '-1'); // stop as text: ioredis 6.0.0 types ZRANGE's stop as string | Buffer (redis/ioredis#2162)
        expect(hexes(rawPairs)).to.deep.equal(['63']);
      });

      it('a stored member the codec cannot read fails that read only, naming the key and raw value', async () => {
        const { Z, key } = kind(mode, Integer);
        await servers[mode.which].zadd(key('1'), 1, 'one');
        await servers[mode.which].zadd(key('2'), 1, '2');
        const pipe = pipeline();
        const bad = new Z('1', pipe).zrange(0, -1);
        const good = new Z('2', pipe).zrange(0, -1);
        expect(await pipe.execute().then(() => undefined, (error: unknown) => error)).to.be.instanceOf(PipelineError);
        expect(good.result).to.deep.equal([2]);
        const error = thrown(() => bad.result);
        expect(error.cause).to.be.instanceOf(DecodeError);
        expect(error.message).to.include(key('1'));
        expect((error.cause as Error).message).to.include('"one"').and.include(key('1'));
      });
    });
  }

  it('Binary zscan on the named secondary connection: Buffers and scores; match on stored bytes', async () => {
    const mode = MODES.find((m) => m.which === 'secondary' && !m.pipelined) as Mode;
    const { Z, key } = kind(mode, Binary);
    const members: (string | number | Buffer)[] = [];
    for (let i = 0; i < 50; i++) members.push(i, Buffer.from([0xfe, i]));
    await servers.secondary.zadd(key('1'), ...members, 99, 'plain');
    const seen: [Buffer, number][] = [];
    for await (const pair of new Z('1').zscan({ count: 7 })) seen.push(pair);
    expect(seen).to.have.length(51);
    expect(seen.every(([m]) => Buffer.isBuffer(m))).to.equal(true);
    expect(new Map(seen.map(([m, s]) => [m.toString('hex'), s])).get('fe31')).to.equal(0x31);
    const matched: Buffer[] = [];
    for await (const [m] of new Z('1').zscan({ match: 'pl*' })) matched.push(m);
    expect(hexes(matched)).to.deep.equal([Buffer.from('plain').toString('hex')]);
    expect(await servers.primary.exists(key('1'))).to.equal(0);
  });
});
