// DESIGN §2: a nested pipeline hands its queue to its DIRECT parent only (so a failing middle level
// discards its subtree), and a root's execute() sends what is queued once.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { autoexec, connect, pipeline, reset, type Deferred } from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';
import { existing } from './support.js';

describe('pipeline: nesting', () => {
  let redis: Redis;

  beforeEach(() => {
    reset();
    redis = newClient('primary');
    connect(redis);
  });
  afterEach(() => reset());

  it("a nested execute() sends nothing: it moves the queue to its direct parent", async () => {
    const [k1, k2] = [uniqueKey(), uniqueKey()];
    const root = pipeline();
    const middle = pipeline(root);
    const leaf = pipeline(middle);
    leaf.set(k1, 'leaf');
    leaf.set(k2, 'leaf');
    expect([root.size, middle.size, leaf.size]).to.deep.equal([0, 0, 2]);
    await leaf.execute();
    expect([root.size, middle.size, leaf.size]).to.deep.equal([0, 2, 0], 'handed to middle, not to root');
    await middle.execute();
    expect([root.size, middle.size, leaf.size]).to.deep.equal([2, 0, 0]);
    expect(await existing(redis, [k1, k2])).to.deep.equal([false, false], 'still nothing sent');
    await root.execute();
    expect(await existing(redis, [k1, k2])).to.deep.equal([true, true]);
  });

  it('3 levels, middle never executed: none of the grandchild commands are sent', async () => {
    const [rootKey, middleKey, leafKey] = [uniqueKey('root'), uniqueKey('middle'), uniqueKey('leaf')];
    let leafCallbackRan = false;
    const root = pipeline();
    root.set(rootKey, 'r');
    const middle = pipeline(root);
    middle.set(middleKey, 'm');
    const leaf = pipeline(middle);
    const leafSet = leaf.set(leafKey, 'l');
    leaf.onExecute(() => (leafCallbackRan = true));
    await leaf.execute(); // to middle, which never executes
    await root.execute();
    expect(await existing(redis, [rootKey, middleKey, leafKey])).to.deep.equal([true, false, false]);
    expect(leafSet.ready).to.equal(false);
    expect(leafCallbackRan).to.equal(false);
  });

  it('3 levels, middle function throws inside autoexec: its whole subtree is discarded', async () => {
    const [rootKey, middleKey, leafKey, afterKey] = [uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey()];
    const root = pipeline();
    root.set(rootKey, 'r');
    let leafSet: Deferred<'OK'> | undefined;
    expect(() =>
      autoexec(root, (middle) => {
        middle.set(middleKey, 'm');
        leafSet = autoexec(middle, (leaf) => leaf.set(leafKey, 'l')); // handed up to middle
        expect(middle.size).to.equal(2);
        throw new Error('middle failed');
      }),
    ).to.throw('middle failed');
    expect(root.size).to.equal(1, 'nothing of the failed middle reached the root');
    autoexec(root, (p) => p.set(afterKey, 'a')); // the root stays usable
    await root.execute();
    expect(await existing(redis, [rootKey, middleKey, leafKey, afterKey])).to.deep.equal([true, false, false, true]);
    expect(leafSet?.ready).to.equal(false);
  });

  it('discard() drops what a nested pipeline holds, including what its children handed up', async () => {
    const [k1, k2, k3] = [uniqueKey(), uniqueKey(), uniqueKey()];
    const root = pipeline();
    const middle = pipeline(root);
    middle.set(k1, 'x');
    autoexec(middle, (leaf) => leaf.set(k2, 'x'));
    middle.discard();
    await middle.execute(); // hands up nothing
    root.set(k3, 'x');
    await root.execute();
    expect(await existing(redis, [k1, k2, k3])).to.deep.equal([false, false, true]);
  });

  it('a nested pipeline may be used again after it handed up', async () => {
    const key = uniqueKey();
    const root = pipeline();
    const child = pipeline(root);
    const first = child.incr(key);
    await child.execute();
    const second = child.incr(key);
    await child.execute();
    await root.execute();
    expect([first.result, second.result]).to.deep.equal([1, 2]);
  });

  describe('execute twice never re-sends', () => {
    let proxy: RoundTripProxy;

    beforeEach(async () => {
      proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
    });

    it('a second execute with nothing queued sends nothing: INCR stays 1, one round trip for two executes', async () => {
      const key = uniqueKey();
      const root = pipeline();
      const count = root.incr(key);
      autoexec(root, (p) => p.incr(key));
      await root.execute();
      await root.execute();
      expect(count.result).to.equal(1);
      expect(await redis.get(key)).to.equal('2');
      expect(proxy.roundTrips).to.equal(1);
    });

    it('after an execute, only what was queued since is sent', async () => {
      const [k1, k2] = [uniqueKey(), uniqueKey()];
      const root = pipeline();
      const a = root.incr(k1);
      await root.execute();
      const b = root.incr(k2);
      await root.execute();
      await root.execute();
      expect([a.result, b.result]).to.deep.equal([1, 1]);
      expect(await redis.mget(k1, k2)).to.deep.equal(['1', '1']);
      expect(proxy.roundTrips).to.equal(2);
    });

    it('a failed execute is not retried by the next one', async () => {
      const hash = uniqueKey('h');
      const counter = uniqueKey();
      await redis.hset(hash, 'f', 'v');
      const root = pipeline();
      root.incr(hash);
      root.incr(counter);
      await root.execute().catch(() => undefined);
      await root.execute();
      expect(await redis.get(counter)).to.equal('1');
      expect(proxy.roundTrips).to.equal(1);
    });
  });
});
