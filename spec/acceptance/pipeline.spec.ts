// Acceptance: DESIGN §2 — Deferred, callbacks, nesting, execute, autoexec (public API only).
import { expect } from 'chai';
import {
  Deferred,
  DeferredAlreadySettled,
  Pipeline,
  RedpipeError,
  ResultNotReady,
  autoexec,
  connect,
  derive,
  pipeline,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, startProxy, uniqueKey } from '../harness/index.js';
import { withConnections } from './pipeline-support.js';

function incrementKeys(keys: readonly string[], pipe?: Pipeline): Deferred<number> {
  const ref = new Deferred<number>();
  autoexec(pipe, (p) => {
    const results = keys.map((key) => p.incr(key));
    p.onExecute(() => ref.set(results.reduce((sum, r) => sum + r.result, 0)));
  });
  return ref;
}

describe('acceptance: pipeline engine', () => {
  const clients = withConnections();

  describe('Deferred', () => {
    it('is returned at once, not ready, and .result throws ResultNotReady before execute', async () => {
      const pipe = pipeline();
      const k = uniqueKey();
      const d: Deferred<number> = pipe.incr(k);
      expect(d).to.be.instanceOf(Deferred);
      expect(d.ready).to.equal(false);
      expect(() => d.result).to.throw(ResultNotReady);
      expect(() => d.result).to.throw(RedpipeError);
      expect(d.error).to.equal(undefined);
      expect(await clients.primary.exists(k)).to.equal(0); // nothing sent yet
      await pipe.execute();
      expect(d.ready).to.equal(true);
      expect(d.result).to.equal(1);
      expect(d.error).to.equal(undefined);
    });

    it('is not thenable: an async function returning one hands back the deferred itself', async () => {
      const pipe = pipeline();
      const d = pipe.incr(uniqueKey());
      expect((d as unknown as { then?: unknown }).then).to.equal(undefined);
      const back = await (async () => d)();
      expect(back).to.equal(d);
      await pipe.execute();
    });

    it('.promise taken before execute resolves with the value after execute', async () => {
      const pipe = pipeline();
      const d = pipe.incrby(uniqueKey(), 7);
      const promise = d.promise;
      let settled = false;
      void promise.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(settled).to.equal(false);
      await pipe.execute();
      expect(await promise).to.equal(7);
      expect(await d.promise).to.equal(7); // also when taken after
    });

    it('a user-made Deferred: set/fail once, then DeferredAlreadySettled', async () => {
      const a = new Deferred<number>();
      expect(a.ready).to.equal(false);
      expect(() => a.result).to.throw(ResultNotReady);
      a.set(3);
      expect(a.result).to.equal(3);
      expect(await a.promise).to.equal(3);
      expect(() => a.set(4)).to.throw(DeferredAlreadySettled);
      expect(() => a.fail(new Error('x'))).to.throw(DeferredAlreadySettled);
      const b = new Deferred<number>();
      const boom = new Error('boom');
      b.fail(boom);
      expect(b.ready).to.equal(true);
      expect(b.error).to.equal(boom);
      expect(() => b.result).to.throw('boom');
      let caught: unknown;
      await b.promise.catch((e: unknown) => (caught = e));
      expect(caught).to.equal(boom);
      expect(() => b.set(1)).to.throw(DeferredAlreadySettled);
    });

    it('a user-made Deferred set in a callback (the seed increment_keys), alone and twice on one pipe', async () => {
      const keys = Array.from({ length: 100 }, () => uniqueKey());
      const alone = incrementKeys(keys);
      expect(await alone.promise).to.equal(100);
      const pipe = pipeline();
      const first = incrementKeys(keys.slice(0, 50), pipe);
      const second = incrementKeys(keys.slice(50), pipe);
      expect(first.ready).to.equal(false);
      await pipe.execute();
      expect(first.result).to.equal(100);
      expect(second.result).to.equal(100);
    });

    it('derive() computes from sources and fails with a source error', async () => {
      const pipe = pipeline();
      const k = uniqueKey();
      const s = uniqueKey();
      const a = pipe.incrby(k, 2);
      const b = pipe.incrby(k, 3);
      const sum = derive([a, b], () => a.result + b.result);
      pipe.set(s, 'text');
      const bad = pipe.incr(s);
      const broken = derive([a, bad], () => a.result + bad.result);
      expect(() => sum.result).to.throw(ResultNotReady);
      await pipe.execute().catch(() => undefined);
      expect(sum.result).to.equal(7);
      expect(() => sum.set(1)).to.throw(DeferredAlreadySettled);
      expect(broken.ready).to.equal(true);
      expect(broken.error).to.equal(bad.error);
    });
  });

  describe('onExecute callbacks', () => {
    it('run in registration order; a nested pipeline\'s callbacks count when it hands up', async () => {
      const order: string[] = [];
      const root = pipeline();
      root.onExecute(() => order.push('root1'));
      const a = pipeline(root);
      a.onExecute(() => order.push('a'));
      const b = pipeline(root);
      b.onExecute(() => order.push('b'));
      root.onExecute(() => order.push('root2'));
      await b.execute(); // b hands up before a
      root.onExecute(() => order.push('root3'));
      await a.execute();
      await root.execute();
      expect(order).to.deep.equal(['root1', 'root2', 'b', 'root3', 'a']);
    });

    it('sibling nested pipelines (autoexec) run their callbacks in call order, not reversed', async () => {
      const order: number[] = [];
      const root = pipeline();
      for (let i = 0; i < 5; i++) autoexec(root, (p) => p.onExecute(() => order.push(i)));
      await root.execute();
      expect(order).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('every deferred is filled before any callback runs, also ones queued after the callback', async () => {
      const root = pipeline();
      const seen: unknown[] = [];
      let later: Deferred<number> | undefined;
      root.onExecute(() => seen.push(later?.result));
      autoexec(root, (p) => {
        later = p.incr(uniqueKey());
      });
      await root.execute();
      expect(seen).to.deep.equal([1]);
    });

    it('do not run when a command failed', async () => {
      const root = pipeline();
      const s = uniqueKey();
      let ran = false;
      root.onExecute(() => (ran = true));
      root.set(s, 'x');
      root.incr(s);
      let err: unknown;
      await root.execute().catch((e: unknown) => (err = e));
      expect(err).to.be.instanceOf(RedpipeError);
      expect(ran).to.equal(false);
    });

    it('a callback registered inside a callback is not lost and does not hang execute', async () => {
      const root = pipeline();
      const order: string[] = [];
      root.onExecute(() => {
        order.push('outer');
        root.onExecute(() => order.push('inner'));
      });
      await root.execute();
      if (!order.includes('inner')) await root.execute(); // acceptable: it runs on the next execute
      expect(order).to.deep.equal(['outer', 'inner']);
    });
  });

  describe('nesting', () => {
    it('a nested execute() sends nothing; it hands commands up to its parent', async () => {
      const proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
      const root = pipeline();
      const nested = pipeline(root);
      const k = uniqueKey();
      const d = nested.incr(k);
      expect(nested.size).to.equal(1);
      await nested.execute();
      expect(proxy.roundTrips).to.equal(0);
      expect(nested.size).to.equal(0);
      expect(root.size).to.equal(1);
      expect(() => d.result).to.throw(ResultNotReady);
      await root.execute();
      expect(proxy.roundTrips).to.equal(1);
      expect(d.result).to.equal(1);
    });

    it('hands up one level at a time: a failing middle level discards its whole subtree', async () => {
      const root = pipeline();
      const k = uniqueKey();
      const ok = root.incr(uniqueKey());
      let leafResult: Deferred<string | null> | undefined;
      expect(() =>
        autoexec(root, (mid) => {
          leafResult = autoexec(mid, (leaf) => {
            leaf.set(k, 'leaked');
            return leaf.get(k);
          });
          throw new Error('middle failed');
        }),
      ).to.throw('middle failed');
      expect(root.size).to.equal(1);
      await root.execute();
      expect(ok.result).to.equal(1);
      expect(await clients.primary.get(k)).to.equal(null);
      expect(leafResult?.ready).to.equal(false);
    });

    it('a nested pipeline that never executes leaves its commands and callbacks unsent', async () => {
      const root = pipeline();
      const k = uniqueKey();
      const nested = pipeline(root);
      nested.set(k, 'v');
      let ran = false;
      nested.onExecute(() => (ran = true));
      await root.execute();
      expect(await clients.primary.exists(k)).to.equal(0);
      expect(ran).to.equal(false);
    });

    it('a nested pipeline executed after its root executed joins the root\'s next execute', async () => {
      const root = pipeline();
      const nested = pipeline(root);
      const k = uniqueKey();
      const first = root.incr(k);
      await root.execute();
      const second = nested.incr(k);
      await nested.execute();
      expect(root.size).to.equal(1);
      await root.execute();
      expect([first.result, second.result]).to.deep.equal([1, 2]);
    });

    it('100 levels deep still reach the root', async () => {
      const root = pipeline();
      const k = uniqueKey();
      const levels: Pipeline[] = [root];
      for (let i = 0; i < 100; i++) levels.push(pipeline(levels[levels.length - 1]));
      const d = levels[100]!.incr(k);
      for (let i = 100; i > 0; i--) await levels[i]!.execute();
      await root.execute();
      expect(d.result).to.equal(1);
    });
  });

  describe('execute', () => {
    it('on an empty pipeline resolves and sends nothing', async () => {
      const proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
      await pipeline().execute();
      const root = pipeline();
      pipeline(root).execute();
      await root.execute();
      expect(proxy.roundTrips).to.equal(0);
    });

    it('executing twice never re-sends a command; later commands go in the next execute', async () => {
      const root = pipeline();
      const k = uniqueKey();
      const a = root.incr(k);
      await root.execute();
      await root.execute();
      expect(a.result).to.equal(1);
      expect(await clients.primary.get(k)).to.equal('1');
      const b = root.incr(k);
      await Promise.all([root.execute(), root.execute()]); // concurrent executes of one root
      expect(b.result).to.equal(2);
      expect(await clients.primary.get(k)).to.equal('2');
    });

    it('discard() drops what was queued', async () => {
      const root = pipeline();
      const k = uniqueKey();
      root.set(k, 'v');
      root.discard();
      expect(root.size).to.equal(0);
      await root.execute();
      expect(await clients.primary.exists(k)).to.equal(0);
    });
  });
});
