// Reply shapes. RESP2 (ioredis 5) and ioredis 6's default RESP3 mapping ('legacy') give the same shapes: flat
// [member, value…] arrays, scores as text. ioredis 6 with `replyMapping: 'resp3'` gives RESP3's own: maps as
// objects (member names decoded as UTF-8 text), nested [member, score] pairs, doubles as numbers, booleans.
// The keyspace decoders take both. ioredis 5 ignores the two client options below, so there the end-to-end
// part runs on RESP2 shapes.
import { expect } from 'chai';
import type { Redis, RedisOptions } from 'ioredis';
import { Binary, DecodeError, Integer, Text, type Codec } from '../../lib/codecs/index.js';
import { decodeEntries, decodeHash, fieldTable } from '../../lib/keyspaces/hash-fields.js';
import { HashKeyspace, SortedSetKeyspace } from '../../lib/keyspaces/index.js';
import { decodePairs, toBoolean, toScore } from '../../lib/keyspaces/replies.js';
import { connect, pipeline, reset } from '../../lib/pipeline/index.js';
import { thrown } from '../harness/assertions.js';
import { newClient, uniqueKey } from '../harness/index.js';

describe('reply shapes: decoders take RESP2 shapes and ioredis 6 replyMapping resp3 shapes', () => {
  const table = fieldTable({ name: 'Shapes', fields: { n: Integer }, memberCodec: Text, valueCodec: Text });

  it('decodeHash: a flat array, nested pairs and a map object decode alike', () => {
    const want = { n: 5, s: 'x' };
    expect(decodeHash(table, ['n', '5', 's', 'x'], 'k')).to.deep.equal(want);
    expect(decodeHash(table, [['n', '5'], ['s', 'x']], 'k')).to.deep.equal(want);
    expect(decodeHash(table, { n: '5', s: 'x' }, 'k')).to.deep.equal(want);
    expect([decodeHash(table, [], 'k'), decodeHash(table, {}, 'k')]).to.deep.equal([{}, {}]);
    const own = decodeHash(table, JSON.parse('{"__proto__": "p", "constructor": "c"}') as unknown, 'k');
    expect(Object.getPrototypeOf(own)).to.equal(Object.prototype);
    expect(Object.keys(own).sort()).to.deep.equal(['__proto__', 'constructor']);
  });

  it('decodeEntries: a flat array, nested pairs (HRANDFIELD WITHVALUES) and a map object decode alike', () => {
    const want = [['n', 5], ['s', 'x']];
    expect(decodeEntries(table, ['n', '5', 's', 'x'], 'k')).to.deep.equal(want);
    expect(decodeEntries(table, [['n', '5'], ['s', 'x']], 'k')).to.deep.equal(want);
    expect(decodeEntries(table, { n: '5', s: 'x' }, 'k')).to.deep.equal(want);
  });

  it('a map member name holding U+FFFD (bytes that were not UTF-8) is a DecodeError, never other bytes', () => {
    const binaryNames = fieldTable({ name: 'Bytes', fields: {}, memberCodec: Binary as Codec<unknown> as Codec<string>, valueCodec: Binary });
    for (const t of [table, binaryNames]) {
      const error = thrown(() => decodeHash(t, { 'a\uFFFD': Buffer.from('v') }, 'K{1}'));
      expect(error).to.be.instanceOf(DecodeError);
      expect(error.message).to.include('K{1}').and.include('not valid UTF-8').and.include("replyMapping 'legacy'");
    }
    expect(thrown(() => decodeEntries(table, 7, 'K{1}'))).to.be.instanceOf(DecodeError);
  });

  it('decodePairs, toScore and toBoolean take RESP3 nested pairs, doubles and booleans', () => {
    const where = () => 'key k';
    expect(decodePairs(Text, ['a', '1.5', 'b', '-inf'], where)).to.deep.equal([['a', 1.5], ['b', -Infinity]]);
    expect(decodePairs(Text, [['a', 1.5], ['b', -Infinity]], where)).to.deep.equal([['a', 1.5], ['b', -Infinity]]);
    expect([toScore(0.1), toScore('0.1'), toScore(Infinity), toScore('inf')]).to.deep.equal([0.1, 0.1, Infinity, Infinity]);
    expect([toBoolean(true), toBoolean(false), toBoolean(1), toBoolean(0)]).to.deep.equal([true, false, true, false]);
  });
});

describe('reply shapes: keyspaces on a client with replyMapping resp3 (ioredis 6; RESP2 on ioredis 5)', () => {
  // Type-asserted: ioredis 5's RedisOptions has neither option (and ignores both).
  const options = { protocol: 3, replyMapping: 'resp3' } as RedisOptions;
  let client: Redis;
  let raw: Redis;
  before(() => {
    client = newClient('primary', options);
    raw = newClient('primary');
  });
  beforeEach(() => {
    reset();
    connect(client);
  });
  after(() => reset());

  it('HashKeyspace: hgetall, hvals, hrandfield withValues, hscan', async () => {
    class H extends HashKeyspace<{ n: number; s: string }> {
      static override keyspace = uniqueKey('RS');
      static override fields = { n: Integer };
    }
    await raw.hset(`${H.keyspace}{1}`, 'n', '5', 's', 'x');
    const pipe = pipeline();
    const h = new H('1', pipe);
    const [all, vals, random, none] = [h.hgetall(), h.hvals(), h.hrandfield(5, { withValues: true }), new H('none', pipe).hgetall()];
    await pipe.execute();
    expect(all.result).to.deep.equal({ n: 5, s: 'x' });
    expect([...vals.result].sort()).to.deep.equal([5, 'x']);
    expect([...random.result].sort()).to.deep.equal([['n', 5], ['s', 'x']]);
    expect(none.result).to.deep.equal({});
    const scanned: unknown[] = [];
    for await (const entry of new H('1').hscan()) scanned.push(entry);
    expect(scanned.sort()).to.deep.equal([['n', 5], ['s', 'x']]);
  });

  it('HashKeyspace with Binary values: Buffers read back from a map reply', async () => {
    class B extends HashKeyspace<Record<string, Buffer>> {
      static override keyspace = uniqueKey('RB');
      static override valueCodec = Binary;
    }
    const bytes = Buffer.from([0xff, 0x00, 0xc3]);
    await raw.hset(`${B.keyspace}{1}`, 'a', bytes);
    expect(await new B('1').hgetall().promise).to.deep.equal({ a: bytes });
  });

  it('SortedSetKeyspace: every pair-shaped reply (ranges, pops, random, combine) and scores', async () => {
    const prefix = uniqueKey('RZ');
    class Z extends SortedSetKeyspace {
      static override keyspace = prefix;
    }
    await raw.zadd(`${prefix}{1}`, 1.5, 'a', 2.5, 'b', 3, 'c', '-inf', 'd', 12, 'e');
    await raw.zadd(`${prefix}{2}`, 0.5, 'a');
    const pipe = pipeline();
    const z = new Z('1', pipe);
    const range = z.zrange(0, 1, { withScores: true });
    const rev = z.zrevrange(0, 0, { withScores: true });
    const byScore = z.zrangebyscore('(1', 3, { withScores: true });
    const union = z.zunion('2', { withScores: true });
    const scores = [z.zscore('a'), z.zmscore(['d', 'x']), z.zincrby('c', 1.25)];
    const random = z.zrandmember(-2, { withScores: true });
    const pops = [z.zpopmin(), z.zpopmin(1), z.zpopmax(2)];
    await pipe.execute();
    expect(range.result).to.deep.equal([['d', -Infinity], ['a', 1.5]]);
    expect(rev.result).to.deep.equal([['e', 12]]);
    expect(byScore.result).to.deep.equal([['a', 1.5], ['b', 2.5], ['c', 3]]);
    expect(union.result).to.deep.equal([['d', -Infinity], ['a', 2], ['b', 2.5], ['c', 3], ['e', 12]]);
    expect(scores.map((d) => d.result)).to.deep.equal([1.5, [-Infinity, null], 4.25]);
    expect(random.result).to.have.length(2);
    for (const [member, score] of random.result) {
      expect(['a', 'b', 'c', 'd', 'e']).to.include(member);
      expect(score).to.be.a('number');
    }
    expect(pops.map((d) => d.result)).to.deep.equal([['d', -Infinity], [['a', 1.5]], [['e', 12], ['c', 4.25]]]);
  });

  it('SortedSetKeyspace with Integer and Binary members: pairs decoded by the member codec', async () => {
    class I extends SortedSetKeyspace<number> {
      static override keyspace = uniqueKey('RI');
      static override valueCodec = Integer;
    }
    class B extends SortedSetKeyspace<Buffer> {
      static override keyspace = uniqueKey('RB');
      static override valueCodec = Binary;
    }
    const bytes = Buffer.from([0xc3, 0x28]); // not UTF-8
    await raw.zadd(`${I.keyspace}{1}`, 2, '-3', 1, '10');
    await raw.zadd(`${B.keyspace}{1}`, 0.5, bytes);
    const pipe = pipeline();
    const ints = new I('1', pipe).zrange(0, -1, { withScores: true });
    const buffers = new B('1', pipe).zrange(0, -1, { withScores: true });
    await pipe.execute();
    expect(ints.result).to.deep.equal([[10, 1], [-3, 2]]);
    expect(buffers.result).to.deep.equal([[bytes, 0.5]]);
  });
});
