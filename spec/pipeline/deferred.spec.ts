// DESIGN §2: Deferred<T> — `.result` throws ResultNotReady before execute, `.ready`, `.promise`,
// failures rethrown, not thenable; a user-made Deferred set in a callback (the seed's increment_keys).
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  CommandError,
  connect,
  Deferred,
  DeferredAlreadySettled,
  pipeline,
  PipelineError,
  reset,
  ResultNotReady,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';
import { incrementKeys, rejection } from './support.js';

describe('pipeline: Deferred', () => {
  let redis: Redis;

  beforeEach(() => {
    reset();
    redis = newClient('primary');
    connect(redis);
  });
  afterEach(() => reset());

  it('throws ResultNotReady before execute, holds the value after; .ready follows', async () => {
    const key = uniqueKey();
    const pipe = pipeline();
    const count = pipe.incr(key);
    expect(count.ready).to.equal(false);
    expect(() => count.result).to.throw(ResultNotReady, /not ready/);
    expect(await redis.exists(key)).to.equal(0, 'nothing is sent before execute');
    await pipe.execute();
    expect(count.ready).to.equal(true);
    expect(count.result).to.equal(1);
    expect(count.error).to.equal(undefined);
  });

  it('.promise taken before execute resolves with the value once the root has run', async () => {
    const key = uniqueKey();
    const pipe = pipeline();
    pipe.set(key, 'v');
    const value = pipe.get(key);
    const promise = value.promise;
    let settled = false;
    void promise.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).to.equal(false, 'the promise waits for execute');
    await pipe.execute();
    expect(await promise).to.equal('v');
    expect(await value.promise).to.equal('v', '.promise taken after execute resolves too');
  });

  it('.promise rejects, and .result rethrows, the failed command own error', async () => {
    const hash = uniqueKey('h');
    await redis.hset(hash, 'f', 'v');
    const pipe = pipeline();
    const bad = pipe.incr(hash);
    const early = bad.promise;
    expect(await rejection(pipe.execute())).to.be.instanceOf(PipelineError);
    const error = await rejection(early);
    expect(error).to.be.instanceOf(CommandError);
    expect(await rejection(bad.promise)).to.equal(error);
    expect(bad.ready).to.equal(true);
    expect(bad.error).to.equal(error);
    expect(() => bad.result).to.throw(CommandError, /WRONGTYPE/);
  });

  it('is not thenable: awaiting it (or returning it from an async function) yields the Deferred itself', async () => {
    const pipe = pipeline();
    const d = pipe.incr(uniqueKey());
    expect('then' in d).to.equal(false);
    expect('then' in new Deferred<number>()).to.equal(false);
    expect(await (d as unknown)).to.equal(d);
    const viaAsync = async (): Promise<Deferred<number>> => d;
    expect(await viaAsync()).to.equal(d, 'an async function does not unwrap it');
    pipe.discard();
  });

  it('a user-made Deferred is set once; a second set or fail throws DeferredAlreadySettled', async () => {
    const d = new Deferred<number>('sum');
    expect(() => d.result).to.throw(ResultNotReady, /^sum: /);
    d.set(3);
    expect(d.result).to.equal(3);
    expect(await d.promise).to.equal(3);
    expect(() => d.set(4)).to.throw(DeferredAlreadySettled);
    expect(() => d.fail(new Error('x'))).to.throw(DeferredAlreadySettled);
    expect(d.result).to.equal(3);
  });

  describe("the seed's increment_keys (a Deferred set in onExecute)", () => {
    let proxy: RoundTripProxy;

    beforeEach(async () => {
      proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
    });

    it('called alone, sums the INCR of 100 keys in one round trip', async () => {
      const keys = Array.from({ length: 100 }, () => uniqueKey());
      const total = incrementKeys(keys);
      expect(total.ready).to.equal(false);
      expect(await total.promise).to.equal(100);
      expect(total.result).to.equal(100);
      expect(proxy.roundTrips).to.equal(1);
    });

    it('called twice inside one outer pipeline, both sums are right, one round trip', async () => {
      const keys = Array.from({ length: 100 }, () => uniqueKey());
      const pipe = pipeline();
      const first = incrementKeys(keys, pipe);
      const second = incrementKeys(keys, pipe); // the same keys again: every INCR now returns 2
      expect(pipe.size).to.equal(200, 'both nested pipelines handed their commands up');
      expect(first.ready || second.ready).to.equal(false);
      expect(proxy.roundTrips).to.equal(0);
      await pipe.execute();
      expect(first.result).to.equal(100);
      expect(second.result).to.equal(200);
      expect(proxy.roundTrips).to.equal(1);
    });
  });
});
