// Acceptance: DESIGN §2 — typed commands, call()/callBuffer(), Buffers, round trips, concurrency.
import { expect } from 'chai';
import type { RoundTripProxy } from '../harness/index.js';
import { Deferred, Pipeline, autoexec, connect, pipeline, reset } from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey } from '../harness/index.js';
import { withConnections } from './pipeline-support.js';

function incrementAndExpire(key: string, { num = 1, expire = 60, pipe }: { num?: number; expire?: number; pipe?: Pipeline } = {}): Deferred<number> {
  return autoexec(pipe, (p) => {
    const ref = p.incrby(key, num);
    p.expire(key, expire);
    return ref;
  });
}

describe('acceptance: commands and round trips', () => {
  const clients = withConnections();
  let proxy: RoundTripProxy;

  beforeEach(async () => {
    proxy ??= await startProxy('primary');
    reset();
    connect(await clientThroughProxy(proxy));
  });

  describe('typed commands', () => {
    it('fill deferreds with ioredis-shaped replies, matched by position', async () => {
      const [s, h, l, z, st] = [uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey()];
      const p = pipeline();
      const set: Deferred<'OK'> = p.set(s, 'v');
      const get: Deferred<string | null> = p.get(s);
      const missing: Deferred<string | null> = p.get(uniqueKey());
      const hset: Deferred<number> = p.hset(h, { a: '1', b: '2' });
      const hgetall: Deferred<Record<string, string>> = p.hgetall(h);
      const push = p.rpush(l, 'x', 'y', 'z');
      const range: Deferred<string[]> = p.lrange(l, 0, -1);
      p.zadd(z, 1, 'one', 2, 'two');
      const zr = p.zrange(z, 0, -1, 'WITHSCORES');
      const sadd = p.sadd(st, 'a', 'b');
      const ismember = p.sismember(st, 'a');
      const mget = p.mget(s, uniqueKey());
      const exp = p.expire(s, 100);
      const ttl = p.ttl(s);
      const del = p.del(s, l);
      await p.execute();
      expect(set.result).to.equal('OK');
      expect(get.result).to.equal('v');
      expect(missing.result).to.equal(null);
      expect(hset.result).to.equal(2);
      expect(hgetall.result).to.deep.equal({ a: '1', b: '2' });
      expect(push.result).to.equal(3);
      expect(range.result).to.deep.equal(['x', 'y', 'z']);
      expect(zr.result).to.deep.equal(['one', '1', 'two', '2']);
      expect([sadd.result, ismember.result]).to.deep.equal([2, 1]);
      expect(mget.result).to.deep.equal(['v', null]);
      expect([exp.result, ttl.result, del.result]).to.deep.equal([1, 100, 2]);
    });

    it('generic call() types its reply and reaches any command', async () => {
      const k = uniqueKey();
      const p = pipeline();
      const n = p.call<number>('INCRBY', k, 5);
      const lower = p.call<string>('get', k);
      const obj = p.call<number>('OBJECT', 'REFCOUNT', k);
      await p.execute();
      expect(n.result).to.equal(5);
      expect(lower.result).to.equal('5');
      expect(obj.result).to.be.a('number');
    });

    it('Buffer variants keep bytes that are not UTF-8', async () => {
      const k = uniqueKey();
      const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x41]);
      const p = pipeline();
      p.set(k, bytes);
      const buf: Deferred<Buffer | null> = p.getBuffer(k);
      const viaCall = p.callBuffer<Buffer>('GET', k);
      const str = p.get(k);
      const missing = p.getBuffer(uniqueKey());
      await p.execute();
      expect(Buffer.isBuffer(buf.result)).to.equal(true);
      expect(buf.result?.equals(bytes)).to.equal(true);
      expect(Buffer.isBuffer(viaCall.result)).to.equal(true);
      expect(viaCall.result.equals(bytes)).to.equal(true);
      expect(str.result).to.be.a('string');
      expect(missing.result).to.equal(null);
    });

    it('a 1 MB value round-trips', async () => {
      const k = uniqueKey();
      const big = 'x'.repeat(1024 * 1024);
      const p = pipeline();
      p.set(k, big);
      const got = p.get(k);
      const len = p.strlen(k);
      await p.execute();
      expect(got.result).to.equal(big);
      expect(len.result).to.equal(big.length);
      await clients.primary.del(k);
    });
  });

  describe('ioredis behaviour carried over', () => {
    it('connection-state commands (multi, exec, watch, subscribe, quit) are not pipeline methods', () => {
      const p = pipeline() as unknown as Record<string, unknown>;
      for (const name of ['multi', 'exec', 'watch', 'unwatch', 'subscribe', 'quit', 'monitor']) {
        expect(p[name], name).to.equal(undefined);
      }
    });

    it('argument and reply transformers apply (mset/hset objects, hgetall objects, also through call())', async () => {
      const [a, b, h] = [uniqueKey(), uniqueKey(), uniqueKey()];
      const p = pipeline();
      p.mset({ [a]: '1', [b]: 2 });
      const both = p.mget(a, b);
      p.hset(h, { x: 1, y: 'z' });
      const all = p.call<Record<string, string>>('HGETALL', h);
      const empty = p.hgetall(uniqueKey());
      const ex = p.set(a, 'v', 'EX', 10);
      const ttl = p.ttl(a);
      await p.execute();
      expect(both.result).to.deep.equal(['1', '2']);
      expect(all.result).to.deep.equal({ x: '1', y: 'z' });
      expect(empty.result).to.deep.equal({});
      expect([ex.result, ttl.result]).to.deep.equal(['OK', 10]);
    });

    it('honours the client\'s keyPrefix and works with a lazyConnect client that is not connected yet', async () => {
      const k = uniqueKey();
      connect(newClient('primary', { keyPrefix: 'pfx:' }), 'prefixed');
      connect(newClient('primary', { lazyConnect: true }), 'lazy');
      const p = pipeline();
      const set = autoexec(p, (q) => q.set(k, 'v'), { name: 'prefixed' });
      const pong = autoexec(p, (q) => q.ping(), { name: 'lazy' });
      await p.execute();
      expect(set.result).to.equal('OK');
      expect(pong.result).to.equal('PONG');
      expect(await clients.primary.get(`pfx:${k}`)).to.equal('v');
      await clients.primary.del(`pfx:${k}`);
    });

    it('unobserved command failures raise no unhandled rejection (awaited execute and autoexec roots)', async () => {
      const seen: unknown[] = [];
      const listener = (reason: unknown): void => void seen.push(reason);
      process.on('unhandledRejection', listener);
      try {
        const s = uniqueKey();
        await clients.primary.set(s, 'text');
        const p = pipeline();
        p.incr(s);
        await p.execute().catch(() => undefined);
        const d = autoexec(undefined, (q) => q.incr(s));
        await new Promise((r) => setTimeout(r, 100));
        expect(d.ready).to.equal(true);
        expect(seen).to.deep.equal([]);
      } finally {
        process.removeListener('unhandledRejection', listener);
      }
    });
  });

  describe('round trips', () => {
    it('nothing is sent before the root executes', async () => {
      const p = pipeline();
      p.incr(uniqueKey());
      autoexec(p, (n) => n.incr(uniqueKey()));
      await new Promise((r) => setTimeout(r, 20));
      expect(proxy.roundTrips).to.equal(0);
      await p.execute();
      expect(proxy.roundTrips).to.equal(1);
    });

    it('100 nested increment_and_expire calls are exactly 1 round trip; without a pipe, 100', async () => {
      const keys = Array.from({ length: 100 }, () => uniqueKey());
      const pipe = pipeline();
      const results = keys.map((key) => incrementAndExpire(key, { pipe }));
      expect(pipe.size).to.equal(200);
      await pipe.execute();
      expect(proxy.roundTrips).to.equal(1);
      expect(results.every((r) => r.result === 1)).to.equal(true);
      proxy.reset();
      const alone: Deferred<number>[] = [];
      for (const key of keys) {
        const d = incrementAndExpire(key);
        alone.push(d);
        await d.promise; // one call after the other, as a caller without a pipe would
      }
      expect(proxy.roundTrips).to.equal(100);
      expect(alone.every((r) => r.result === 2)).to.equal(true);
    });

    it('50,000 commands are still 1 round trip, results in order', async function () {
      this.timeout(60_000);
      const k = uniqueKey();
      const p = pipeline();
      const ds = Array.from({ length: 50_000 }, () => p.incr(k));
      await p.execute();
      expect(proxy.roundTrips).to.equal(1);
      expect(ds[0]!.result).to.equal(1);
      expect(ds[49_999]!.result).to.equal(50_000);
      expect(ds.every((d, i) => d.result === i + 1)).to.equal(true);
    });

    it('two roots executing at once on one connection both get their own results', async () => {
      const ka = uniqueKey();
      const kb = uniqueKey();
      const a = pipeline();
      const b = pipeline();
      const as = Array.from({ length: 500 }, () => a.incr(ka));
      const bs = Array.from({ length: 500 }, (_, i) => b.incrby(kb, i % 2 ? 2 : 1));
      const bGet = b.get(ka);
      await Promise.all([a.execute(), b.execute()]);
      expect(as.map((d) => d.result)).to.deep.equal(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(bs[499]!.result).to.equal(750);
      expect(bGet.result === null || bGet.result === '500').to.equal(true);
    });

    it('a transaction root and a plain root executing at once on one connection both succeed', async () => {
      const k = uniqueKey();
      const tx = pipeline(undefined, { transaction: true });
      const plain = pipeline();
      const txs = Array.from({ length: 200 }, () => tx.incr(k));
      const plains = Array.from({ length: 200 }, () => plain.incr(k));
      await Promise.all([tx.execute(), plain.execute()]);
      const all = [...txs, ...plains].map((d) => d.result).sort((x, y) => x - y);
      expect(all).to.deep.equal(Array.from({ length: 400 }, (_, i) => i + 1));
      for (let i = 1; i < 200; i++) expect(txs[i]!.result).to.equal(txs[i - 1]!.result + 1); // atomic: contiguous
    });

    it('many autoexec roots started at once all resolve with their own values', async () => {
      const keys = Array.from({ length: 50 }, () => uniqueKey());
      const ds = keys.map((k, i) => autoexec(undefined, (p) => p.incrby(k, i)));
      const values = await Promise.all(ds.map((d) => d.promise));
      expect(values).to.deep.equal(keys.map((_, i) => i));
    });
  });
});
