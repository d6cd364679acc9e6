// HashedStringKeyspace on real Redis: shards computed exactly as Python redpipe 4.0.0 computes them, logical
// keys stored as members of `prefix{shard}`, every command one round trip per call and pipelined on the
// default (primary) and a named (secondary) connection, mget grouped by shard, a scan of every shard (the
// last one included), and the refusals.
import { expect } from 'chai';
import { Binary, Integer, InvalidValueError, Text } from '../../lib/codecs/index.js';
import { HashedStringKeyspace, InvalidArgumentError, InvalidIdError, KeyspaceDefinitionError } from '../../lib/keyspaces/index.js';
import { connect, pipeline, type Pipeline } from '../../lib/pipeline/index.js';
import { clientThroughProxy, startProxy, uniqueKey } from '../harness/index.js';
import { expectOnlyOn, MODES, run, sorted, thrown, useServers, type Mode } from './collections-support.js';

/** `prefix{shard}`, spelled out so the tests check the key format. */
const shardKey = (cls: { keyspace: string | undefined }, shard: number): string => `${String(cls.keyspace)}{${shard}}`;

/** Shards printed by Python redpipe 4.0.0's own `HashedString.shard` (shard_count 64 unless said). */
const PYTHON_SHARDS: readonly [string, number][] = [
  ['user@x.com', 49], ['a', 33], ['', 62], ['é', 47], ['日本', 51], ['0', 26], ['1', 27], ['hello world', 3], ['k38', 63], ['k74', 0],
];

function indexKind<V = string>(mode: Mode, codec: unknown = Text) {
  return class Index extends HashedStringKeyspace<V> {
    static override keyspace = uniqueKey('E');
    static override connection = mode.connection;
    static override valueCodec = codec as typeof Text;
  };
}

describe('HashedStringKeyspace', () => {
  const servers = useServers();

  describe('shards, as Python redpipe computes them', () => {
    it('shard(key) = int(md5(key).hexdigest(), 16) % shardCount, 64 shards by default', () => {
      class Index extends HashedStringKeyspace { static override keyspace = 'H'; }
      expect(HashedStringKeyspace.shardCount).to.equal(64);
      for (const [key, shard] of PYTHON_SHARDS) expect(Index.shard(key), key).to.equal(shard);
      expect(new Index('user@x.com').key).to.equal('H{49}');
      expect(new Index('user@x.com').shard).to.equal(49);
    });

    it('other shard counts, up to beyond 2^50 (exact 128-bit remainder), match Python too', () => {
      const keys = ['user@x.com', 'a', 'é'];
      const counts: [number, number[]][] = [
        [7, [6, 0, 1]], [1000, [529, 497, 335]], [3 ** 20, [2665977323, 1131790015, 1224596602]],
        [2 ** 50 + 3, [487075396737922, 80458287534919, 473558067335641]],
      ];
      for (const [count, shards] of counts) {
        class Index extends HashedStringKeyspace { static override keyspace = 'X'; static override shardCount = count; }
        expect(keys.map((key) => Index.shard(key)), String(count)).to.deep.equal(shards);
      }
      class Thousand extends HashedStringKeyspace { static override keyspace = 'X'; static override shardCount = 1000; }
      expect(new Thousand('a').key).to.equal('X{497}');
      class Broken extends HashedStringKeyspace { static override keyspace = 'X'; static override shardCount = 0; }
      expect(thrown(() => new Broken('a'))).to.be.instanceOf(KeyspaceDefinitionError);
    });

    it('reads what Python redpipe wrote: HSET H{49} user@x.com 42 is the logical key user@x.com', async () => {
      class Index extends HashedStringKeyspace<number> {
        static override keyspace = uniqueKey('PY');
        static override valueCodec = Integer;
      }
      await servers.primary.hset(shardKey(Index, 49), 'user@x.com', '42');
      await servers.primary.hset(shardKey(Index, 47), 'é', '7');
      const [a, b] = await run(MODES[1], (pipe) => [new Index('user@x.com', pipe).get(), new Index('é', pipe).get()] as const);
      expect([a, b]).to.deep.equal([42, 7]);
    });
  });

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];

      it('set / get / setnx store the logical key as a member of prefix{shard}', async () => {
        const Index = indexKind(mode);
        const results = await run(mode, (pipe) => {
          const user = new Index('user@x.com', pipe);
          return [user.get(), user.set('1'), user.set('2'), user.setnx('3'), new Index('a', pipe).setnx('x'),
            new Index('a', pipe).set('y', { nx: true }), user.get(), new Index('missing', pipe).get()] as const;
        });
        expect(results).to.deep.equal([null, true, false, false, true, false, '2', null]);
        expect(await raw().hgetall(shardKey(Index, 49))).to.deep.equal({ 'user@x.com': '2' });
        expect(await raw().hgetall(shardKey(Index, 33))).to.deep.equal({ a: 'x' });
        await expectOnlyOn(servers, mode, shardKey(Index, 49));
      });

      it('strlen, incr (default 1), incrby and incrbyfloat work on the member', async () => {
        const Index = indexKind(mode);
        await raw().hset(shardKey(Index, 47), 'é', 'héllo');
        const results = await run(mode, (pipe) => {
          const n = new Index('0', pipe);
          return [new Index('é', pipe).strlen(), n.strlen(), n.incr(), n.incr(4), n.incrby(-10), new Index('1', pipe).incrbyfloat(0.5), new Index('1', pipe).incrbyfloat()] as const;
        });
        expect(results).to.deep.equal([6, 0, 1, 5, -5, 0.5, 1.5]);
        expect(await raw().hget(shardKey(Index, 26), '0')).to.equal('-5');
        expect(await raw().hget(shardKey(Index, 27), '1')).to.equal('1.5');
      });

      it('delete is HDEL of the member and exists is HEXISTS; other logical keys of the shard stay', async () => {
        const Index = indexKind(mode);
        await raw().hset(shardKey(Index, 49), 'user@x.com', '1', 'neighbour', '2');
        const results = await run(mode, (pipe) => {
          const user = new Index('user@x.com', pipe);
          return [user.exists(), user.delete(), user.delete(), user.exists()] as const;
        });
        expect(results).to.deep.equal([true, 1, 0, false]);
        expect(await raw().hgetall(shardKey(Index, 49))).to.deep.equal({ neighbour: '2' });
      });

      it('mget reads this and other logical keys across shards, in order, null for missing', async () => {
        const Index = indexKind(mode);
        await raw().hset(shardKey(Index, 49), 'user@x.com', 'u');
        await raw().hset(shardKey(Index, 33), 'a', 'A');
        await raw().hset(shardKey(Index, 63), 'k38', 'K');
        const pipe = mode.pipelined ? pipeline() : undefined;
        const values = new Index('user@x.com', pipe).mget(['a', 'nope', 'k38', 'user@x.com', 'a']);
        const alone = new Index('a', pipe).mget();
        const one = new Index('a', pipe).mget('k38');
        if (pipe) {
          expect(values.ready).to.equal(false);
          await pipe.execute();
        }
        expect(await values.promise).to.deep.equal(['u', 'A', null, 'K', 'u', 'A']);
        expect(await alone.promise).to.deep.equal(['A']);
        expect(await one.promise).to.deep.equal(['A', 'K']);
      });

      it('static scan yields [logicalKey, value] from every shard, the last one included; scanIds the keys', async () => {
        const Index = indexKind(mode);
        const stored: Record<string, string> = {};
        for (const [key] of PYTHON_SHARDS) if (key !== '') stored[key] = `v-${key}`;
        for (let i = 0; i < 200; i++) stored[`user${i}`] = String(i);
        await run(mode, (pipe) => Object.entries(stored).map(([key, value]) => new Index(key, pipe).set(value)));
        expect(await raw().hget(shardKey(Index, 63), 'k38')).to.equal('v-k38');
        const seen: Record<string, string> = {};
        for await (const [key, value] of Index.scan({ count: 10 })) seen[key] = value;
        expect(seen).to.deep.equal(stored);
        const ids: string[] = [];
        for await (const id of Index.scanIds({ match: 'k*' })) ids.push(id);
        expect(sorted(ids)).to.deep.equal(['k38', 'k74']);
      });

      it('shardHash(n) is the shard as a HashKeyspace, for shard-wide commands', async () => {
        const Index = indexKind(mode);
        await raw().hset(shardKey(Index, 49), 'user@x.com', '1', 'other', '2');
        const [all, ttl] = await run(mode, (pipe) => {
          const shard = Index.shardHash(49, pipe);
          return [shard.hgetall(), shard.ttl()] as const;
        });
        expect([all, ttl]).to.deep.equal([{ 'user@x.com': '1', other: '2' }, -1]);
        expect(Index.shardKey(63)).to.equal(shardKey(Index, 63));
      });
    });
  }

  it('a Binary index reads Buffers (get, mget, scan)', async () => {
    class Blobs extends HashedStringKeyspace<Buffer> {
      static override keyspace = uniqueKey('EB');
      static override valueCodec = Binary;
    }
    const bytes = Buffer.from([0xff, 0, 0xc3]);
    await new Blobs('a').set(bytes).promise;
    expect(Buffer.compare(Buffer.from(await servers.primary.hgetBuffer(shardKey(Blobs, 33), 'a') ?? ''), bytes)).to.equal(0);
    const got = await new Blobs('a').get().promise;
    expect(Buffer.isBuffer(got) && got.equals(bytes)).to.equal(true);
    const [many] = await Promise.all([new Blobs('a').mget(['zz']).promise]);
    expect(Buffer.isBuffer(many[0]) && many[0].equals(bytes)).to.equal(true);
    expect(many[1]).to.equal(null);
    for await (const [key, value] of Blobs.scan()) expect([key, value.equals(bytes)]).to.deep.equal(['a', true]);
  });

  it('mget of keys in several shards is one round trip', async () => {
    const proxy = await startProxy('primary');
    connect(await clientThroughProxy(proxy), 'counted-hs');
    class Index extends HashedStringKeyspace {
      static override keyspace = uniqueKey('EC');
      static override connection = 'counted-hs';
    }
    proxy.reset();
    const values = await new Index('user@x.com').mget(['a', 'k38', 'é']).promise;
    expect(values).to.deep.equal([null, null, null, null]);
    expect(proxy.roundTrips).to.equal(1);
  });

  describe('refusals, when queued (nothing queued)', () => {
    class Index extends HashedStringKeyspace<number> {
      static override keyspace = uniqueKey('ER');
      static override valueCodec = Integer;
    }
    const bad = <T>(value: unknown): T => value as T;
    const cases: [string, new (...args: never[]) => Error, (pipe: Pipeline | undefined) => unknown][] = [
      ['logical key: a number', InvalidIdError, (p) => new Index(bad<string>(5), p).get()],
      ['logical key: empty', InvalidIdError, (p) => new Index('', p).get()],
      ['logical key: a lone surrogate', InvalidValueError, (p) => new Index('\ud800', p).get()],
      ['mget of a non-string key', InvalidIdError, (p) => new Index('a', p).mget(['b', bad<string>(null)])],
      ['value: a fraction for Integer', InvalidValueError, (p) => new Index('a', p).set(1.5)],
      ['value: a string for Integer', InvalidValueError, (p) => new Index('a', p).setnx(bad<number>('1'))],
      ['value: null', InvalidValueError, (p) => new Index('a', p).set(bad<number>(null))],
      ['incrby of a fraction', InvalidArgumentError, (p) => new Index('a', p).incrby(0.5)],
      ['incr of NaN', InvalidArgumentError, (p) => new Index('a', p).incr(NaN)],
      ['incrbyfloat of Infinity', InvalidArgumentError, (p) => new Index('a', p).incrbyfloat(Infinity)],
      ['expire (would expire the whole shard)', InvalidArgumentError, (p) => bad<{ expire(s: number): unknown }>(new Index('a', p)).expire(10)],
      ['ttl', InvalidArgumentError, (p) => new Index('a', p).ttl()],
      ['rename', InvalidArgumentError, (p) => bad<{ rename(id: string): unknown }>(new Index('a', p)).rename('b')],
      ['type', InvalidArgumentError, (p) => new Index('a', p).type()],
      ['dump', InvalidArgumentError, (p) => new Index('a', p).dump()],
      ['eval', InvalidArgumentError, (p) => bad<{ eval(s: string): unknown }>(new Index('a', p)).eval('return 1')],
      ['shardHash of shard 64 of 64', InvalidIdError, (p) => Index.shardHash(64, p)],
      ['shardHash of a fraction', InvalidIdError, (p) => Index.shardHash(1.5, p)],
    ];
    for (const [label, error, call] of cases) {
      it(`${label}: throws ${error.name}`, async () => {
        expect(thrown(() => call(undefined))).to.be.instanceOf(error);
        const pipe = pipeline();
        expect(thrown(() => call(pipe))).to.be.instanceOf(error);
        expect(pipe.size).to.equal(0);
        await pipe.execute();
      });
    }

    it('logical keys may hold braces (they never enter a Redis key); key commands name the shard', async () => {
      const index = new Index('a{b}');
      expect(index.key).to.equal(`${String(Index.keyspace)}{${Index.shard('a{b}')}}`);
      await index.set(3).promise;
      expect(await new Index('a{b}').get().promise).to.equal(3);
      const message = thrown(() => new Index('user@x.com').ttl()).message;
      expect(message).to.contain(`${String(Index.keyspace)}{49}`).and.contain('shardHash(49)');
    });
  });
});
