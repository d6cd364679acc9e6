// Acceptance: DESIGN §2 — autoexec, named connections, parallel round trips (public API only).
import { expect } from 'chai';
import {
  ConnectionNameTakenError,
  Deferred,
  Pipeline,
  PipelineError,
  RedpipeError,
  UnknownConnectionError,
  autoexec,
  connect,
  connectionFor,
  connectionNames,
  disconnect,
  pipeline,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey } from '../harness/index.js';
import { rejection, sleep, withConnections } from './pipeline-support.js';

function incrementAndExpire(key: string, { num = 1, expire = 60, pipe }: { num?: number; expire?: number; pipe?: Pipeline } = {}): Deferred<number> {
  using p = pipeline(pipe, { autoexec: true });
  const ref = p.incrby(key, num);
  p.expire(key, expire);
  return ref;
}

describe('acceptance: autoexec and named connections', () => {
  const clients = withConnections();

  describe('autoexec', () => {
    it('without a parent is a real round trip and returns fn\'s value', async () => {
      const k = uniqueKey();
      const d = autoexec(undefined, (p) => {
        const r = p.incr(k);
        p.expire(k, 30);
        return r;
      });
      expect(await d.promise).to.equal(1);
      expect(await clients.primary.ttl(k)).to.be.within(1, 30);
    });

    it('with a throwing fn sends nothing and the error propagates (root and nested)', async () => {
      const proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
      const k = uniqueKey();
      expect(() =>
        autoexec(undefined, (p) => {
          p.set(k, 'v');
          throw new Error('nope');
        }),
      ).to.throw('nope');
      const root = pipeline();
      expect(() =>
        autoexec(root, (p) => {
          p.set(k, 'v');
          throw new Error('nope2');
        }),
      ).to.throw('nope2');
      expect(root.size).to.equal(0);
      await root.execute();
      await sleep(20);
      expect(proxy.roundTrips).to.equal(0);
      expect(await clients.primary.exists(k)).to.equal(0);
    });

    it('refuses an async function with a TypeError', async () => {
      const k = uniqueKey();
      expect(() =>
        autoexec(undefined, async (p) => {
          p.set(k, 'v');
        }),
      ).to.throw(TypeError);
      await sleep(20);
      expect(await clients.primary.exists(k)).to.equal(0);
    });

    it('nested autoexec hands up; `using … { autoexec: true }` works both ways (seed increment_and_expire)', async () => {
      const k = uniqueKey();
      const alone = incrementAndExpire(k, { num: 4, expire: 100 });
      expect(await alone.promise).to.equal(4);
      const pipe = pipeline();
      const a = incrementAndExpire(k, { pipe });
      const b = incrementAndExpire(k, { num: 5, pipe });
      expect(pipe.size).to.equal(4);
      await pipe.execute();
      expect([a.result, b.result]).to.deep.equal([5, 10]);
    });

    it('takes pipeline options: autoexec(pipe, fn, { name })', async () => {
      connect(clients.secondary, 'users');
      const k = uniqueKey();
      const root = pipeline();
      autoexec(root, (p) => p.set(k, 'there'), { name: 'users' });
      await root.execute();
      expect(await clients.secondary.get(k)).to.equal('there');
      expect(await clients.primary.exists(k)).to.equal(0);
    });
  });

  describe('named connections', () => {
    it('connect() defaults to "default"; connectionFor/connectionNames see it', () => {
      reset();
      expect(connectionNames()).to.deep.equal([]);
      connect(clients.primary);
      expect(connectionNames()).to.deep.equal(['default']);
      expect(connectionFor('default')).to.equal(clients.primary);
      expect(() => connectionFor('nope')).to.throw(UnknownConnectionError);
    });

    it('connecting another client under a taken name fails; the same client again is fine', () => {
      expect(() => connect(clients.secondary)).to.throw(ConnectionNameTakenError);
      expect(() => connect(clients.secondary, 'default')).to.throw(RedpipeError);
      try {
        connect(clients.secondary);
      } catch (err) {
        expect((err as Error).message).to.include('default');
      }
      expect(() => connect(clients.primary)).not.to.throw();
      expect(connectionFor('default')).to.equal(clients.primary);
    });

    it('an unknown connection name fails at execute with a clear error; nothing of that execute is sent', async () => {
      const k = uniqueKey();
      const root = pipeline();
      const good = root.set(k, 'v');
      const bad = pipeline(root, { name: 'ghost' });
      const lost = bad.get(k);
      await bad.execute(); // handing up is fine: the error comes at execute
      const err = await rejection(root.execute());
      expect(err).to.be.instanceOf(PipelineError);
      const failures = (err as PipelineError).failures;
      expect(failures.some((f) => f instanceof UnknownConnectionError)).to.equal(true);
      expect((err as Error).message).to.include('ghost');
      expect(lost.error).to.be.instanceOf(UnknownConnectionError);
      expect(lost.error?.message).to.include('ghost');
      expect(good.ready).to.equal(true);
      expect(good.error).to.be.instanceOf(UnknownConnectionError);
      expect(await clients.primary.exists(k)).to.equal(0);
    });

    it('a nested pipeline does not inherit its parent\'s name', async () => {
      connect(clients.secondary, 'users');
      const k = uniqueKey();
      const root = pipeline(undefined, { name: 'users' });
      root.set(`${k}:root`, 'r');
      autoexec(root, (p) => p.set(k, 'nested'));
      await root.execute();
      expect(await clients.secondary.get(`${k}:root`)).to.equal('r');
      expect(await clients.primary.get(k)).to.equal('nested');
      expect(await clients.secondary.exists(k)).to.equal(0);
    });

    it('the same client under two names works in one execute', async () => {
      connect(clients.primary, 'alias');
      const k = uniqueKey();
      const root = pipeline();
      const a = root.incr(k);
      const b = autoexec(root, (p) => p.incr(k), { name: 'alias' });
      const c = root.incr(k);
      await root.execute();
      expect([a.result, b.result, c.result].sort()).to.deep.equal([1, 2, 3]);
      expect(a.result).to.be.lessThan(c.result);
    });

    it('disconnect(name) unbinds that name only, keeps the client open; execute then fails clearly', async () => {
      connect(clients.secondary, 'users');
      disconnect('users');
      expect(connectionNames()).to.deep.equal(['default']);
      expect(clients.secondary.status).to.equal('ready');
      const p = pipeline(undefined, { name: 'users' });
      const d = p.get(uniqueKey());
      const err = await rejection(p.execute());
      expect(err).to.be.instanceOf(PipelineError);
      expect(d.error).to.be.instanceOf(UnknownConnectionError);
      disconnect(); // the default name
      expect(connectionNames()).to.deep.equal([]);
      expect(clients.primary.status).to.equal('ready');
      const q = pipeline();
      q.get(uniqueKey());
      expect(await rejection(q.execute())).to.be.instanceOf(PipelineError);
    });

    it('the connection is looked up at execute, not when queued', async () => {
      const k = uniqueKey();
      const p = pipeline(undefined, { name: 'late' });
      const early = p.set(k, 'v');
      connect(clients.secondary, 'late');
      await p.execute();
      expect(early.result).to.equal('OK');
      expect(await clients.secondary.get(k)).to.equal('v');
      const q = pipeline(undefined, { name: 'late' });
      const gone = q.get(k);
      disconnect('late');
      await rejection(q.execute());
      expect(gone.error).to.be.instanceOf(UnknownConnectionError);
    });

    it('reset() unbinds every name and leaves clients open', () => {
      connect(clients.secondary, 'users');
      reset();
      expect(connectionNames()).to.deep.equal([]);
      expect(clients.primary.status).to.equal('ready');
      expect(clients.secondary.status).to.equal('ready');
      connect(clients.secondary); // the name is free again
      expect(connectionFor('default')).to.equal(clients.secondary);
    });

    it('two connections in one execute run in parallel: a blocking command on one does not delay the other', async () => {
      connect(clients.secondary, 'slow');
      const blockKey = uniqueKey();
      const k = uniqueKey();
      const root = pipeline();
      const blocked = autoexec(root, (p) => p.blpop(blockKey, 0.6), { name: 'slow' });
      const fast = root.incr(k);
      const start = Date.now();
      await root.execute();
      const total = Date.now() - start;
      expect(blocked.result).to.equal(null);
      expect(fast.result).to.equal(1);
      expect(total).to.be.at.least(550); // the BLPOP really blocked
      // both connections blocking: parallel means ~1 s, one after the other would be ~2 s
      const root2 = pipeline();
      autoexec(root2, (p) => p.blpop(uniqueKey(), 1), { name: 'slow' });
      root2.blpop(uniqueKey(), 1);
      const start2 = Date.now();
      await root2.execute();
      expect(Date.now() - start2).to.be.within(950, 1700);
    });

    it('commands for two named connections are 1 round trip on each; users/messages of the seed', async () => {
      const users = await startProxy('primary');
      const messages = await startProxy('secondary');
      reset();
      connect(await clientThroughProxy(users), 'users');
      connect(await clientThroughProxy(messages), 'messages');
      const u = uniqueKey('u');
      const m = uniqueKey('m');
      const up = pipeline(undefined, { name: 'users' });
      up.hset(u, 'name', 'joe');
      await up.execute();
      const mp = pipeline(undefined, { name: 'messages' });
      mp.hset(m, 'body', 'hi there');
      await mp.execute();
      users.reset();
      messages.reset();
      const pipe = pipeline();
      const name = autoexec(pipe, (p) => p.hget(u, 'name'), { name: 'users' });
      const body = autoexec(pipe, (p) => p.hget(m, 'body'), { name: 'messages' });
      const misplaced = autoexec(pipe, (p) => p.exists(m), { name: 'users' });
      for (let i = 0; i < 10; i++) autoexec(pipe, (p) => p.incr(uniqueKey()), { name: i % 2 ? 'users' : 'messages' });
      await pipe.execute();
      expect([name.result, body.result, misplaced.result]).to.deep.equal(['joe', 'hi there', 0]);
      expect([users.roundTrips, messages.roundTrips]).to.deep.equal([1, 1]);
      // a newly started second client of the same server is a different client: name taken
      expect(() => connect(newClient('primary'), 'users')).to.throw(ConnectionNameTakenError);
    });
  });
});
