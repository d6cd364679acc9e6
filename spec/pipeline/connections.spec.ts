// DESIGN §2, named connections: connect / disconnect / reset, names not inherited by nested pipelines,
// unknown names failing at execute, and one round trip per connection, all connections in parallel.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  autoexec,
  connect,
  connectionNames,
  ConnectionNameTakenError,
  disconnect,
  pipeline,
  PipelineError,
  reset,
  UnknownConnectionError,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey } from '../harness/index.js';
import { existing, rejection, since } from './support.js';

describe('pipeline: named connections', () => {
  let primary: Redis;
  let secondary: Redis;

  beforeEach(() => {
    reset();
    primary = newClient('primary');
    secondary = newClient('secondary');
  });
  afterEach(() => reset());

  it('a nested pipeline does not inherit its parent name: default → other → (no name) = default', async () => {
    connect(primary);
    connect(secondary, 'other');
    const [rootKey, otherKey, innerKey] = [uniqueKey('root'), uniqueKey('other'), uniqueKey('inner')];
    const root = pipeline();
    root.set(rootKey, 'r');
    const other = pipeline(root, { name: 'other' });
    other.set(otherKey, 'o');
    const inner = pipeline(other);
    inner.set(innerKey, 'i');
    await inner.execute();
    await other.execute();
    await root.execute();
    expect(await existing(primary, [rootKey, otherKey, innerKey])).to.deep.equal([true, false, true]);
    expect(await existing(secondary, [rootKey, otherKey, innerKey])).to.deep.equal([false, true, false]);
  });

  it('a root named other sends its own commands there and a nested unnamed one to default', async () => {
    connect(primary);
    connect(secondary, 'other');
    const [rootKey, childKey] = [uniqueKey(), uniqueKey()];
    const root = pipeline(undefined, { name: 'other' });
    root.set(rootKey, 'r');
    const child = pipeline(root);
    child.set(childKey, 'c');
    await child.execute();
    await root.execute();
    expect(await existing(secondary, [rootKey, childKey])).to.deep.equal([true, false]);
    expect(await existing(primary, [rootKey, childKey])).to.deep.equal([false, true]);
  });

  it('an unknown name queues fine but fails at execute with UnknownConnectionError naming it; nothing is sent', async () => {
    const proxy = await startProxy('primary');
    connect(await clientThroughProxy(proxy));
    const [k1, k2] = [uniqueKey(), uniqueKey()];
    const root = pipeline();
    const good = root.set(k1, 'x');
    const lost = pipeline(root, { name: 'nowhere' });
    const bad = lost.set(k2, 'x');
    await lost.execute();
    let callbackRan = false;
    root.onExecute(() => (callbackRan = true));
    const error = await rejection(root.execute());
    expect(error).to.be.instanceOf(PipelineError);
    const failures = (error as PipelineError).failures;
    expect(failures).to.have.length(1);
    const unknown = failures[0] as UnknownConnectionError;
    expect(unknown).to.be.instanceOf(UnknownConnectionError);
    expect(unknown.connection).to.equal('nowhere');
    expect(unknown.message).to.include("'nowhere'").and.include("'default'");
    expect((error as Error).message).to.include("'nowhere'");
    expect(bad.error).to.equal(unknown);
    expect(good.error).to.equal(unknown, 'every deferred of the execute failed');
    expect(callbackRan).to.equal(false);
    expect(proxy.roundTrips).to.equal(0, 'nothing was sent to the known connection either');
    expect(await existing(primary, [k1, k2])).to.deep.equal([false, false]);
  });

  it('an execute with no connection at all fails the same way', async () => {
    const pipe = pipeline();
    const d = pipe.get(uniqueKey());
    const error = (await rejection(pipe.execute())) as PipelineError;
    expect(error.failures[0]).to.be.instanceOf(UnknownConnectionError);
    expect(error.failures[0]!.message).to.include("'default'").and.include('none');
    expect(d.error).to.be.instanceOf(UnknownConnectionError);
  });

  it('connect(): another client under a taken name throws ConnectionNameTakenError; the same client again is fine', () => {
    connect(primary, 'users');
    expect(() => connect(secondary, 'users')).to.throw(ConnectionNameTakenError, /'users'/);
    expect(() => connect(primary, 'users')).not.to.throw();
    expect(() => connect(secondary)).not.to.throw();
    expect(() => connect(primary)).to.throw(ConnectionNameTakenError, /'default'/);
    expect(connectionNames().sort()).to.deep.equal(['default', 'users']);
  });

  it('one client may hold several names, and each name reaches it', async () => {
    connect(primary, 'a');
    connect(primary, 'b');
    const [ka, kb] = [uniqueKey(), uniqueKey()];
    const root = pipeline(undefined, { name: 'a' });
    root.set(ka, '1');
    const b = pipeline(root, { name: 'b' });
    b.set(kb, '2');
    await b.execute();
    await root.execute();
    expect(await primary.mget(ka, kb)).to.deep.equal(['1', '2']);
  });

  it('disconnect(name) unbinds that name only; disconnect() unbinds default; the name can be bound again', async () => {
    connect(primary);
    connect(primary, 'a');
    connect(secondary, 'b');
    disconnect('a');
    expect(connectionNames().sort()).to.deep.equal(['b', 'default']);
    const pipe = pipeline(undefined, { name: 'a' });
    pipe.incr(uniqueKey());
    const error = (await rejection(pipe.execute())) as PipelineError;
    expect(error.failures[0]).to.be.instanceOf(UnknownConnectionError);
    connect(secondary, 'a'); // free again, so another client may take it
    disconnect();
    expect(connectionNames().sort()).to.deep.equal(['a', 'b']);
    const key = uniqueKey();
    const again = pipeline(undefined, { name: 'a' });
    again.set(key, 'x');
    await again.execute();
    expect(await secondary.get(key)).to.equal('x');
    // Nothing was sent on primary yet, so it may still be in its handshake (ioredis 6's is longer: HELLO 3…).
    expect(await primary.ping()).to.equal('PONG', 'disconnect leaves the client itself open');
    expect(primary.status).to.equal('ready', 'disconnect leaves the client itself open');
  });

  it('reset() unbinds every name', () => {
    connect(primary);
    connect(secondary, 'other');
    reset();
    expect(connectionNames()).to.deep.equal([]);
    expect(() => connect(secondary)).not.to.throw();
  });

  describe('several connections in one execute', () => {
    it('run in parallel: a SET/GET on B settles long before a 1 s BLPOP on A', async () => {
      connect(newClient('primary'), 'a');
      connect(newClient('secondary'), 'b');
      const [missing, key] = [uniqueKey(), uniqueKey()];
      const root = pipeline(undefined, { name: 'a' });
      const popped = root.blpop(missing, 1);
      const b = pipeline(root, { name: 'b' });
      b.set(key, 'v');
      const got = b.get(key);
      await b.execute();
      const start = performance.now();
      const gotAt = got.promise.then(() => since(start));
      const poppedAt = popped.promise.then(() => since(start));
      await root.execute();
      const [tGot, tPopped] = [await gotAt, await poppedAt];
      expect(got.result).to.equal('v');
      expect(popped.result).to.equal(null);
      expect(tPopped).to.be.at.least(900);
      expect(tGot).to.be.below(300, `B settled after ${tGot.toFixed(0)} ms`);
    });

    it('two 0.5 s BLPOPs on two connections take < 0.9 s in all', async () => {
      connect(newClient('primary'), 'a');
      connect(newClient('secondary'), 'b');
      const root = pipeline(undefined, { name: 'a' });
      const a = root.blpop(uniqueKey(), 0.5);
      const bPipe = pipeline(root, { name: 'b' });
      const b = bPipe.blpop(uniqueKey(), 0.5);
      await bPipe.execute();
      const start = performance.now();
      await root.execute();
      const elapsed = since(start);
      expect([a.result, b.result]).to.deep.equal([null, null]);
      expect(elapsed).to.be.at.least(450).and.below(900);
    });

    it('each connection gets exactly one round trip (two proxies, one per server)', async () => {
      const [pa, pb] = [await startProxy('primary'), await startProxy('secondary')];
      connect(await clientThroughProxy(pa));
      connect(await clientThroughProxy(pb), 'other');
      const root = pipeline();
      const keys = Array.from({ length: 20 }, () => uniqueKey());
      const results = keys.map((key, i) => {
        if (i % 2 === 0) return root.incr(key);
        return autoexec(root, (p) => p.incrby(key, 10), { name: 'other' });
      });
      await root.execute();
      expect(results.map((r) => r.result)).to.deep.equal(keys.map((_, i) => (i % 2 === 0 ? 1 : 10)));
      expect([pa.roundTrips, pb.roundTrips]).to.deep.equal([1, 1]);
      expect(await existing(secondary, [keys[1]!, keys[0]!])).to.deep.equal([true, false]);
    });
  });
});
