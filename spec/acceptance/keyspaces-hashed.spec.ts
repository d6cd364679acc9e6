// Acceptance: HashedStringKeyspace, redpipe's sharded string index, against real Redis.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { HashedStringKeyspace, Integer, InvalidIdError } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle, collect, expectRefused } from './keyspaces-support.js';

/** Python: int(hashlib.md5(key.encode()).hexdigest(), 16) % shards. */
function pyShard(key: string, shards: number): number {
  const hex = createHash('md5').update(key, 'utf8').digest('hex');
  return Number(BigInt(`0x${hex}`) % BigInt(shards));
}

describe('acceptance keyspaces: HashedStringKeyspace', () => {
  const c = useConnections();

  function emails(shards?: number) {
    const E = class Emails extends HashedStringKeyspace {
      static override keyspace = prefix('E');
    };
    if (shards !== undefined) E.shardCount = shards;
    return E;
  }

  it('defaults to 64 shards; shard(key) = int(md5(key).hexdigest(), 16) % shardCount', () => {
    const E = emails();
    expect(E.shardCount).to.equal(64);
    for (const key of ['user@x.com', 'a', 'é', '12345', 'x'.repeat(100)]) {
      expect(E.shard(key), key).to.equal(pyShard(key, 64));
    }
    const E7 = emails(7);
    for (const key of ['user@x.com', 'b', 'ünïcode']) expect(E7.shard(key)).to.equal(pyShard(key, 7));
  });

  it('set/get store the logical key as a member of prefix{shard}', async () => {
    const E = emails();
    const r = await inPipe((p) => ({
      missing: new E('user@x.com', p).get(),
      set: new E('user@x.com', p).set('42'),
      set2: new E('user@x.com', p).set('43'),
      got: new E('user@x.com', p).get(),
    }));
    expect(r.missing.result).to.equal(null);
    expect(r.set.result).to.equal(true);
    expect(r.set2.result).to.equal(false);
    expect(r.got.result).to.equal('43');
    const shard = pyShard('user@x.com', 64);
    expect(await c.raw.hget(`${E.keyspace}{${shard}}`, 'user@x.com')).to.equal('43');
  });

  it('reads what Python redpipe wrote (raw HSET at the md5 shard)', async () => {
    const E = emails(16);
    await c.raw.hset(`${E.keyspace}{${pyShard('py@x.com', 16)}}`, 'py@x.com', 'from python');
    expect(await settle(new E('py@x.com').get())).to.equal('from python');
  });

  it('setnx, set nx (booleans), strlen, exists, delete', async () => {
    const E = emails();
    const r = await inPipe((p) => {
      const e = new E('k', p);
      return {
        nx1: e.setnx('v'),
        nx2: e.setnx('w'),
        setNx: e.set('w', { nx: true }),
        len: e.strlen(),
        lenMissing: new E('missing', p).strlen(),
        ex: e.exists(),
        exNo: new E('missing', p).exists(),
        del: e.delete(),
        del2: e.delete(),
        after: e.get(),
      };
    });
    expect(r.nx1.result).to.equal(true);
    expect(r.nx2.result).to.equal(false);
    expect(r.setNx.result).to.equal(false);
    expect(r.len.result).to.equal(1);
    expect(r.lenMissing.result).to.equal(0);
    expect(r.ex.result).to.equal(true);
    expect(r.exNo.result).to.equal(false);
    expect(r.del.result).to.equal(1);
    expect(r.del2.result).to.equal(0);
    expect(r.after.result).to.equal(null);
  });

  it('incr, incrby, incrbyfloat on an Integer-valued index', async () => {
    const N = class Counts extends HashedStringKeyspace<number> {
      static override keyspace = prefix('HN');
      static override valueCodec = Integer;
    };
    const r = await inPipe((p) => ({
      i: new N('a', p).incr(),
      ib: new N('a', p).incrby(10),
      v: new N('a', p).get(),
      f: new N('f', p).incrbyfloat(0.5),
    }));
    expect(r.i.result).to.equal(1);
    expect(r.ib.result).to.equal(11);
    expect(r.v.result).to.equal(11);
    expect(r.f.result).to.equal(0.5);
  });

  it('mget of this and other logical keys across shards, null for missing', async () => {
    const E = emails(4);
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
    await inPipe((p) => keys.forEach((k) => new E(k, p).set(`v-${k}`)));
    const got = await settle(new E('k0').mget(['k1', 'nope', 'k5', 'k3']));
    expect(got).to.deep.equal(['v-k0', 'v-k1', null, 'v-k5', 'v-k3']);
    expect(await settle(new E('k2').mget('k4'))).to.deep.equal(['v-k2', 'v-k4']);
  });

  it('scan yields every [key, value] of every shard, the last shard included', async () => {
    const E = emails(3);
    const keys: string[] = [];
    for (let i = 0; keys.length < 30; i++) keys.push(`key${i}`);
    const shards = new Set(keys.map((k) => pyShard(k, 3)));
    expect(shards.has(2), 'the fixture covers the last shard').to.equal(true);
    await inPipe((p) => keys.forEach((k) => new E(k, p).set(`v${k}`)));
    const found = await collect(E.scan());
    expect(new Map(found)).to.deep.equal(new Map(keys.map((k) => [k, `v${k}`])));
    const ids = await collect(E.scanIds());
    expect(new Set(ids)).to.deep.equal(new Set(keys));
  });

  it('a custom key template places the shard number; scan honours it and decodes values', async () => {
    const base = prefix('EH');
    class Idx extends HashedStringKeyspace<number> {
      static override keyspace = base;
      static override shardCount = 4;
      static override valueCodec = Integer;
      static override keyTemplate = (ks: string, id: string) => `${ks}:shard:${id}`;
    }
    const keys = Array.from({ length: 24 }, (_, i) => `u${i}@x.com`);
    expect(new Set(keys.map((k) => pyShard(k, 4))).size).to.equal(4);
    await inPipe((p) => keys.forEach((k, i) => new Idx(k, p).set(i)));
    expect(await c.raw.hget(`${base}:shard:${pyShard('u3@x.com', 4)}`, 'u3@x.com')).to.equal('3');
    expect(await c.raw.exists(`${base}{0}`)).to.equal(0);
    const found = new Map(await collect(Idx.scan()));
    expect(found).to.deep.equal(new Map(keys.map((k, i) => [k, i])));
    const hash = Idx.shardHash(pyShard('u3@x.com', 4));
    expect(await settle(hash.hexists('u3@x.com'))).to.equal(true);
  });

  it('lives on its named connection, scans included', async () => {
    class Remote extends HashedStringKeyspace {
      static override keyspace = prefix('ER');
      static override connection = 'users';
      static override shardCount = 2;
    }
    await inPipe((p) => ['a', 'b', 'c'].forEach((k) => new Remote(k, p).set(k)));
    expect(await c.rawUsers.hget(`${Remote.keyspace}{${pyShard('a', 2)}}`, 'a')).to.equal('a');
    expect((await collect(Remote.scan())).map((e) => e[0]).sort()).to.deep.equal(['a', 'b', 'c']);
  });

  it('scan match is a glob on logical keys', async () => {
    const E = emails(5);
    await inPipe((p) => ['ab1', 'ab2', 'cd1'].forEach((k) => new E(k, p).set(k)));
    const found = await collect(E.scan({ match: 'ab*' }));
    expect(found.map((e) => e[0]).sort()).to.deep.equal(['ab1', 'ab2']);
  });

  it('delete of one logical key removes only that member', async () => {
    const E = emails(1);
    await inPipe((p) => ['a', 'b', 'ab'].forEach((k) => new E(k, p).set(k)));
    expect(await settle(new E('ab').delete())).to.equal(1);
    expect((await c.raw.hkeys(`${E.keyspace}{0}`)).sort()).to.deep.equal(['a', 'b']);
  });

  it('an empty or non-string logical key is refused with nothing queued', async () => {
    const E = emails();
    await expectRefused(InvalidIdError, (p) => new E('', p).set('v'));
    await expectRefused(InvalidIdError, (p) => new E(5 as unknown as string, p).set('v'));
  });
});
