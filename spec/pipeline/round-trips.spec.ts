// The seed README's promise, counted by the round-trip proxy: reusable functions nested in one pipeline
// cost one round trip per connection, however many there are.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { autoexec, connect, pipeline, reset, type Deferred, type Pipeline } from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';
import { incrementAndExpire } from './support.js';

describe('pipeline: round trips', () => {
  let redis: Redis;
  let proxy: RoundTripProxy;

  beforeEach(async () => {
    reset();
    redis = newClient('primary');
    proxy = await startProxy('primary');
    connect(await clientThroughProxy(proxy));
  });
  afterEach(() => reset());

  it("100 calls of increment_and_expire nested in one pipeline are exactly 1 round trip", async () => {
    const keys = Array.from({ length: 100 }, () => uniqueKey());
    const pipe = pipeline();
    const refs = keys.map((key, i) => incrementAndExpire(key, i + 1, 60, pipe));
    expect(pipe.size).to.equal(200);
    expect(proxy.roundTrips).to.equal(0);
    await pipe.execute();
    expect(refs.map((r) => r.result)).to.deep.equal(keys.map((_, i) => i + 1));
    expect(proxy.roundTrips).to.equal(1);
    expect(await redis.ttl(keys[99]!)).to.be.within(1, 60);
  });

  it('the same 100 calls without a pipe (each awaited) are 100 round trips', async () => {
    const keys = Array.from({ length: 100 }, () => uniqueKey());
    const results: number[] = [];
    for (const [i, key] of keys.entries()) {
      results.push(await incrementAndExpire(key, i + 1, 60).promise);
    }
    expect(results).to.deep.equal(keys.map((_, i) => i + 1));
    expect(proxy.roundTrips).to.equal(100);
    expect(await redis.ttl(keys[0]!)).to.be.within(1, 60);
  });

  it('reusable functions nested several levels deep are still 1 round trip', async () => {
    const key = uniqueKey();
    const twice = (k: string, pipe?: Pipeline): Deferred<number>[] =>
      autoexec(pipe, (p) => [incrementAndExpire(k, 1, 60, p), incrementAndExpire(k, 1, 60, p)]);
    const root = pipeline();
    const all = Array.from({ length: 10 }, () => autoexec(root, (p) => twice(key, p))).flat();
    await root.execute();
    expect(all.map((d) => d.result)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(proxy.roundTrips).to.equal(1);
  });

  it('commands for two named connections are 1 round trip on each (one proxy per server)', async () => {
    const other = await startProxy('secondary');
    connect(await clientThroughProxy(other), 'other');
    const keys = Array.from({ length: 50 }, () => uniqueKey());
    const root = pipeline();
    const here = keys.map((key) => incrementAndExpire(key, 1, 60, root));
    const there = keys.map((key) => autoexec(root, (p) => incrementAndExpire(key, 2, 60, p), { name: 'other' }));
    await root.execute();
    expect(here.map((d) => d.result)).to.deep.equal(keys.map(() => 1));
    // incrementAndExpire's own pipeline has no name: 'default', whatever its caller chose.
    expect(there.map((d) => d.result)).to.deep.equal(keys.map(() => 3));
    expect([proxy.roundTrips, other.roundTrips]).to.deep.equal([1, 0]);

    const spread = pipeline();
    const a = keys.map((key) => spread.incr(key));
    const b = keys.map((key) => autoexec(spread, (p) => p.incr(key), { name: 'other' }));
    proxy.reset();
    await spread.execute();
    expect(a.map((d) => d.result)).to.deep.equal(keys.map(() => 4));
    expect(b.map((d) => d.result)).to.deep.equal(keys.map(() => 1));
    expect([proxy.roundTrips, other.roundTrips]).to.deep.equal([1, 1]);
  });
});
