// DESIGN §2: autoexec(pipe, fn) and pipeline(pipe, { autoexec: true }) with `using`.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { autoexec, connect, pipeline, reset, type Deferred } from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';
import { existing } from './support.js';

const tick = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('pipeline: autoexec', () => {
  let redis: Redis;
  let proxy: RoundTripProxy;

  beforeEach(async () => {
    reset();
    redis = newClient('primary');
    proxy = await startProxy('primary');
    connect(await clientThroughProxy(proxy));
  });
  afterEach(() => reset());

  it('returns the value fn returns, whatever it is', () => {
    expect(autoexec(undefined, () => 42)).to.equal(42);
    const root = pipeline();
    const value = { a: 1 };
    expect(autoexec(root, () => value)).to.equal(value);
  });

  it('at the root, is one real round trip: the returned deferred fills without any execute()', async () => {
    const key = uniqueKey();
    const count = autoexec(undefined, (p) => {
      const c = p.incr(key);
      p.expire(key, 60);
      return c;
    });
    expect(count.ready).to.equal(false, 'autoexec does not block');
    expect(await count.promise).to.equal(1);
    expect(await redis.ttl(key)).to.be.within(1, 60);
    expect(proxy.roundTrips).to.equal(1);
  });

  it('at the root, runs the callbacks fn registered', async () => {
    const key = uniqueKey();
    const order: string[] = [];
    const d = autoexec(undefined, (p) => {
      p.onExecute(() => order.push('cb'));
      return p.incr(key);
    });
    await d.promise;
    await tick(0);
    expect(order).to.deep.equal(['cb']);
  });

  it('nested, it hands up: nothing is sent until the root executes', async () => {
    const key = uniqueKey();
    const root = pipeline();
    const count = autoexec(root, (p) => p.incr(key));
    expect(root.size).to.equal(1);
    await tick();
    expect(count.ready).to.equal(false);
    expect(proxy.roundTrips).to.equal(0);
    expect(await existing(redis, [key])).to.deep.equal([false]);
    await root.execute();
    expect(count.result).to.equal(1);
    expect(proxy.roundTrips).to.equal(1);
  });

  it('if fn throws (nested), nothing it queued is sent and the error propagates', async () => {
    const [k1, k2] = [uniqueKey(), uniqueKey()];
    const root = pipeline();
    const boom = new Error('boom');
    expect(() =>
      autoexec(root, (p) => {
        p.set(k1, 'x');
        throw boom;
      }),
    ).to.throw(boom);
    expect(root.size).to.equal(0);
    root.set(k2, 'y');
    await root.execute();
    expect(await existing(redis, [k1, k2])).to.deep.equal([false, true]);
  });

  it('if fn throws (at the root), nothing is sent at all', async () => {
    const key = uniqueKey();
    let callbackRan = false;
    expect(() =>
      autoexec(undefined, (p) => {
        p.set(key, 'x');
        p.onExecute(() => (callbackRan = true));
        throw new RangeError('bad input');
      }),
    ).to.throw(RangeError, 'bad input');
    await tick();
    expect(proxy.roundTrips).to.equal(0);
    expect(callbackRan).to.equal(false);
    expect(await existing(redis, [key])).to.deep.equal([false]);
  });

  it('refuses an async fn with a TypeError and sends nothing it queued', async () => {
    const key = uniqueKey();
    const root = pipeline();
    const asyncFn = async (p: typeof root): Promise<Deferred<'OK'>> => p.set(key, 'x');
    expect(() => autoexec(undefined, asyncFn)).to.throw(TypeError, /synchronous/);
    expect(() => autoexec(root, asyncFn)).to.throw(TypeError, /synchronous/);
    expect(root.size).to.equal(0);
    await root.execute();
    await tick();
    expect(proxy.roundTrips).to.equal(0);
    expect(await existing(redis, [key])).to.deep.equal([false]);
  });

  it('passes its options on: autoexec(pipe, fn, { name }) queues on that connection', async () => {
    const key = uniqueKey();
    const secondary = newClient('secondary');
    connect(secondary, 'other');
    const root = pipeline();
    const d = autoexec(root, (p) => p.set(key, 'x'), { name: 'other' });
    await root.execute();
    expect(d.result).to.equal('OK');
    expect(await secondary.get(key)).to.equal('x');
    expect(await existing(redis, [key])).to.deep.equal([false]);
  });

  describe('pipeline(pipe, { autoexec: true }) with `using`', () => {
    it('nested: hands up at the end of the block', async () => {
      const key = uniqueKey();
      const root = pipeline();
      let count: Deferred<number>;
      {
        using p = pipeline(root, { autoexec: true });
        count = p.incr(key);
        expect(root.size).to.equal(0, 'still in the block');
      }
      expect(root.size).to.equal(1, 'handed up when the block ended');
      await root.execute();
      expect(count.result).to.equal(1);
    });

    it('root: executes at the end of the block, one round trip', async () => {
      const key = uniqueKey();
      let count: Deferred<number>;
      {
        using p = pipeline(undefined, { autoexec: true });
        count = p.incr(key);
        p.expire(key, 60);
      }
      expect(await count.promise).to.equal(1);
      expect(await redis.ttl(key)).to.be.within(1, 60);
      expect(proxy.roundTrips).to.equal(1);
    });

    it('without autoexec, the end of a `using` block sends and hands up nothing', async () => {
      const key = uniqueKey();
      const root = pipeline();
      {
        using p = pipeline(root);
        p.incr(key);
        using q = pipeline();
        q.incr(key);
      }
      expect(root.size).to.equal(0);
      await tick();
      expect(proxy.roundTrips).to.equal(0);
      expect(await existing(redis, [key])).to.deep.equal([false]);
    });
  });
});
