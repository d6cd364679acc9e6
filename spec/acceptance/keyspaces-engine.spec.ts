// Acceptance: keyspaces over the pipeline engine — nested pipes, autoexec, transactions, connection
// routing whatever pipe a call is queued on, and reusable functions taking an optional pipe.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SortedSetKeyspace, SetKeyspace, Integer, BooleanField, Binary, DecodeError, pipeline, autoexec,
  type Pipeline, type Deferred,
} from '../../lib/index.js';
import { useConnections, proxiedDefault, prefix, settle } from './keyspaces-support.js';

describe('acceptance keyspaces: over the pipeline engine', () => {
  const c = useConnections();

  class Counter extends StringKeyspace<number> {
    static override keyspace = prefix('eng');
    static override valueCodec = Integer;
  }

  /** The seed's increment_and_expire, written against a keyspace. */
  function incrementAndExpire(id: string, pipe?: Pipeline): Deferred<number> {
    return autoexec(pipe, (p) => {
      const counter = new Counter(id, p);
      const value = counter.incr();
      counter.expire(60);
      return value;
    });
  }

  it('a reusable function with an optional pipe: alone one round trip, nested 10 calls one round trip', async () => {
    const proxy = await proxiedDefault();
    const alone = incrementAndExpire('alone');
    await alone.promise;
    expect(alone.result).to.equal(1);
    expect(proxy.roundTrips).to.equal(1);
    proxy.reset();
    const pipe = pipeline();
    const results = Array.from({ length: 10 }, () => incrementAndExpire('shared', pipe));
    expect(proxy.roundTrips).to.equal(0);
    await pipe.execute();
    expect(results.map((d) => d.result)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(proxy.roundTrips).to.equal(1);
    expect(await c.raw.ttl(`${Counter.keyspace}{shared}`)).to.be.within(55, 60);
  });

  it('calls on a nested pipe are sent only when the root executes', async () => {
    const root = pipeline();
    const child = pipeline(root);
    const d = new Counter('nested', child).incrby(5);
    await child.execute();
    expect(d.ready).to.equal(false);
    expect(await c.raw.exists(`${Counter.keyspace}{nested}`)).to.equal(0);
    await root.execute();
    expect(d.result).to.equal(5);
  });

  it('a transaction pipeline applies keyspace commands atomically and decodes their results', async () => {
    class Flags extends HashKeyspace<{ on: boolean; n: number }> {
      static override keyspace = prefix('tx');
      static override fields = { on: BooleanField, n: Integer };
    }
    const pipe = pipeline(undefined, { transaction: true });
    const f = new Flags('1', pipe);
    f.hset({ on: true, n: 2 });
    const n = f.hincrby('n', 3);
    const all = f.hgetall();
    const ev = new Counter('tx', pipe).eval<number>("return redis.call('INCRBY', KEYS[1], ARGV[1])", { args: [7] });
    const got = new Counter('tx', pipe).get();
    await pipe.execute();
    expect(n.result).to.equal(5);
    expect(all.result).to.deep.equal({ on: true, n: 5 });
    expect(ev.result).to.equal(7);
    expect(got.result).to.equal(7);
  });

  it('inside a transaction, Binary values stay exact and bytes that are not UTF-8 still fail a Text read', async () => {
    class Bin extends StringKeyspace<Buffer> { static override keyspace = prefix('txb'); static override valueCodec = Binary; }
    class Txt extends StringKeyspace { static override keyspace = prefix('txt'); }
    await c.raw.set(`${Txt.keyspace}{bad}`, Buffer.from([0x61, 0xfe]));
    const pipe = pipeline(undefined, { transaction: true });
    new Bin('1', pipe).set(Buffer.from([0xff, 0x00, 0xc3]));
    const bin = new Bin('1', pipe).get();
    const bad = new Txt('bad', pipe).get();
    const good = new Txt('good', pipe).set('é');
    await pipe.execute().catch(() => undefined);
    expect(bin.result!.toString('hex')).to.equal('ff00c3');
    expect(good.result).to.equal(true);
    let err: unknown;
    try { void bad.result; } catch (e) { err = e; }
    expect((err as Error | undefined)?.cause).to.be.instanceOf(DecodeError);
  });

  it("a class's connection wins over the pipe's name", async () => {
    class Plain extends SetKeyspace { static override keyspace = prefix('route'); }
    class Users extends SetKeyspace { static override keyspace = prefix('route'); static override connection = 'users'; }
    const pipe = pipeline(undefined, { name: 'users' });
    new Plain('1', pipe).sadd('to-default');
    new Users('1', pipe).sadd('to-users');
    await pipe.execute();
    expect(await c.raw.smembers(`${Plain.keyspace}{1}`)).to.deep.equal(['to-default']);
    expect(await c.rawUsers.smembers(`${Users.keyspace}{1}`)).to.deep.equal(['to-users']);
  });

  it('a command Redis rejects fails only its own deferred, and .promise of a one-off call rejects', async () => {
    class Z extends SortedSetKeyspace { static override keyspace = prefix('rej'); }
    await c.raw.set(`${Z.keyspace}{str}`, 'not a zset');
    const pipe = pipeline();
    const bad = new Z('str', pipe).zadd('m', 1);
    const good = new Z('ok', pipe).zadd('m', 1);
    let err: unknown;
    await pipe.execute().catch((e: unknown) => { err = e; });
    expect(err).to.be.instanceOf(Error);
    expect(good.result).to.equal(1);
    expect(() => bad.result).to.throw(/WRONGTYPE/);
    let oneOff: unknown;
    await settle(new Z('str').zcard()).catch((e: unknown) => { oneOff = e; });
    expect(String(oneOff)).to.match(/WRONGTYPE/);
  });

  it('batch inside a pipe hands its calls up with the rest: one round trip in all', async () => {
    const proxy = await proxiedDefault();
    const pipe = pipeline();
    const a = new Counter('b1', pipe).batch((self) => {
      self.incr();
      return self.incrby(2);
    });
    const b = new Counter('b2', pipe).incr();
    await pipe.execute();
    expect([a.result, b.result]).to.deep.equal([3, 1]);
    expect(proxy.roundTrips).to.equal(1);
  });

  it('a batch whose function throws sends nothing it queued', async () => {
    const proxy = await proxiedDefault();
    expect(() =>
      new Counter('thrown').batch((self) => {
        self.incr();
        throw new Error('boom');
      }),
    ).to.throw('boom');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.roundTrips).to.equal(0);
    expect(await c.raw.exists(`${Counter.keyspace}{thrown}`)).to.equal(0);
  });
});
