// Acceptance: the seed README's User model ("Model", "Model Core") and the rule that entities change
// locally only after their pipeline executed (two updates of one entity in one pipeline agree with Redis).
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  BooleanField,
  Entity,
  Field,
  Float,
  Integer,
  Model,
  Repository,
  ResultNotReady,
  Text,
  autoexec,
  connect,
  pipeline,
  reset,
  type Deferred,
  type Pipeline,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

const KS = uniqueKey('U');

@Model(KS)
class User extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Text) lastName?: string;
  @Field(Integer) lastSeen?: number;
  @Field(BooleanField) admin?: boolean;
  @Field(Float) score?: number;

  userId(): string {
    return this.id;
  }
}

const users = new Repository(User);
const now = () => Math.floor(Date.now() / 1000);

describe('acceptance: models — the seed User example', () => {
  let raw: Redis;
  let proxy: RoundTripProxy;

  beforeEach(async () => {
    raw = newClient('primary');
    proxy = await startProxy('primary');
    reset();
    connect(await clientThroughProxy(proxy));
    connect(newClient('secondary'), 'users');
    await users.delete(['1', '2']).promise;
    proxy.reset();
  });
  afterEach(() => reset());

  it('creates two users in one pipeline, reads both and modifies one, then User.core("1").hget("name")', async () => {
    const seen = now();
    const pipe = pipeline();
    const u1 = users.save(users.create({ id: '1', name: 'Bob', lastSeen: seen }), pipe);
    const u2 = users.save(users.create({ id: '2', name: 'Jill', lastSeen: seen }), pipe);
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect([users.toPlain(u1.result), users.toPlain(u2.result)]).to.deep.equal([
      { id: '1', name: 'Bob', lastSeen: seen },
      { id: '2', name: 'Jill', lastSeen: seen },
    ]);

    proxy.reset();
    const pipe2 = pipeline();
    const both = [users.get('1', pipe2), users.get('2', pipe2)];
    users.update('1', { name: 'Bobby', lastSeen: seen + 1 }, pipe2);
    const after = users.getMany(['1', '2'], pipe2);
    await pipe2.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect(both.map((d) => d.result?.name)).to.deep.equal(['Bob', 'Jill']);
    expect(after.result.map((u) => [u?.userId(), u?.name, u?.lastSeen])).to.deep.equal([
      ['1', 'Bobby', seen + 1],
      ['2', 'Jill', seen],
    ]);

    const name: Deferred<string | null> = User.core('1').hget('name');
    expect(await name.promise).to.equal('Bobby');
    const lastSeen: Deferred<number | null> = User.core('1').hget('lastSeen');
    expect(await lastSeen.promise).to.equal(seen + 1);
    expect(await raw.hgetall(`${KS}{1}`)).to.deep.equal({ name: 'Bobby', lastSeen: String(seen + 1) });
  });

  it('User.core(id, pipe) defers on the pipe and decodes with the model codecs', async () => {
    await users.save(users.create({ id: '1', name: 'Bob', admin: true, lastSeen: 7 })).promise;
    const pipe = pipeline();
    const core = User.core('1', pipe);
    const name = core.hget('name');
    const all = core.hgetall();
    expect(() => name.result).to.throw(ResultNotReady);
    await pipe.execute();
    expect(name.result).to.equal('Bob');
    expect(all.result).to.deep.include({ name: 'Bob', admin: true, lastSeen: 7 });
    expect(User.core('1').key).to.equal(`${KS}{1}`);
  });

  it('a reusable function with pipe? works alone (its own round trip) and nested (one round trip)', async () => {
    function touch(id: string, pipe?: Pipeline): Deferred<number> {
      return autoexec(pipe, (p) => users.incr(id, 'lastSeen', 1, p));
    }
    expect(await touch('1').promise).to.equal(1);
    proxy.reset();
    const pipe = pipeline();
    const results = Array.from({ length: 10 }, () => touch('1', pipe));
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect(results.map((d) => d.result)).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('acceptance: models — entities change only after execute', () => {
  let raw: Redis;

  beforeEach(async () => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
    connect(newClient('secondary'), 'users');
  });
  afterEach(() => reset());

  async function stored(id: string): Promise<User> {
    await users.save(users.create({ id, name: 'Bob', lastSeen: 10, score: 1.5 })).promise;
    const u = await users.get(id).promise;
    expect(u).to.be.instanceOf(User);
    return u!;
  }

  it('update / incr / pop / remove on an entity leave it untouched until the pipeline executes', async () => {
    const u = await stored('local1');
    const pipe = pipeline();
    users.update(u, { name: 'Bobby' }, pipe);
    const inc = users.incr(u, 'lastSeen', 5, pipe);
    const popped = users.pop(u, 'score', pipe);
    users.remove(u, ['lastName'], pipe);
    expect(u.name).to.equal('Bob');
    expect(u.lastSeen).to.equal(10);
    expect(u.score).to.equal(1.5);
    await pipe.execute();
    expect(inc.result).to.equal(15);
    expect(popped.result).to.equal(1.5);
    expect(u.name).to.equal('Bobby');
    expect(u.lastSeen).to.equal(15);
    expect(u.score).to.equal(undefined);
  });

  it('save(entity) with a pipe does not change the entity before execute; a discarded pipeline never changes it', async () => {
    const u = await stored('local2');
    const pipe = pipeline();
    const inner = pipeline(pipe);
    users.update(u, { name: 'Never' }, inner);
    // inner never executes: its commands and callbacks are not handed up
    await pipe.execute();
    expect(u.name).to.equal('Bob');
    expect(await raw.hget(`${KS}{local2}`, 'name')).to.equal('Bob');
  });

  it('two updates of one entity in one pipeline: Redis and the object agree (last one wins)', async () => {
    const u = await stored('local3');
    const pipe = pipeline();
    users.update(u, { name: 'First', lastSeen: 1 }, pipe);
    users.update(u, { name: 'Second' }, pipe);
    await pipe.execute();
    const back = await users.get('local3').promise;
    expect([u.name, u.lastSeen]).to.deep.equal(['Second', 1]);
    expect([back!.name, back!.lastSeen]).to.deep.equal(['Second', 1]);
  });

  it('two increments and a later update of one entity in one pipeline agree with Redis', async () => {
    const u = await stored('local4');
    const pipe = pipeline();
    users.incr(u, 'lastSeen', 2, pipe);
    users.incr(u, 'lastSeen', 3, pipe);
    users.incr(u, 'score', 0.25, pipe);
    users.update(u, { name: 'Inc' }, pipe);
    users.decr(u, 'lastSeen', 1, pipe);
    await pipe.execute();
    const back = await users.get('local4').promise;
    expect([u.lastSeen, u.score, u.name]).to.deep.equal([14, 1.75, 'Inc']);
    expect([back!.lastSeen, back!.score, back!.name]).to.deep.equal([14, 1.75, 'Inc']);
  });

  it('update then remove then update of one field in one pipeline agree with Redis', async () => {
    const u = await stored('local5');
    const pipe = pipeline();
    users.update(u, { lastName: 'A' }, pipe);
    users.remove(u, ['lastName'], pipe);
    users.update(u, { lastName: 'C', name: null }, pipe);
    await pipe.execute();
    const back = await users.get('local5').promise;
    expect([u.lastName, u.name]).to.deep.equal(['C', undefined]);
    expect([back!.lastName, back!.name]).to.deep.equal(['C', undefined]);
  });

  it('a failed pipeline leaves the entity as it was', async () => {
    const u = await stored('local6');
    const pipe = pipeline();
    users.update(u, { name: 'Nope' }, pipe);
    pipe.hset(`${KS}{local6}:other`, 'x', '1');
    pipe.incr(`${KS}{local6}:other`); // WRONGTYPE
    await pipe.execute().then(
      () => expect.fail('execute should reject'),
      () => undefined,
    );
    expect(u.name).to.equal('Bob');
    await raw.del(`${KS}{local6}:other`);
  });

  it('updates from a nested pipeline handed up later land after the root ones, in Redis and locally', async () => {
    const u = await stored('local7');
    const pipe = pipeline();
    const inner = pipeline(pipe);
    users.update(u, { name: 'inner' }, inner);
    users.update(u, { name: 'outer' }, pipe);
    await inner.execute();
    await pipe.execute();
    expect(u.name).to.equal(await raw.hget(`${KS}{local7}`, 'name'));
  });

  it('after a failed pipeline, the entity can still be saved and updated normally', async () => {
    const u = await stored('local8');
    const bad = pipeline();
    users.update(u, { name: 'lost' }, bad);
    bad.hset(`${KS}{local8}:x`, 'a', '1');
    bad.incr(`${KS}{local8}:x`);
    await bad.execute().catch(() => undefined);
    await raw.del(`${KS}{local8}:x`);
    u.name = 'saved';
    await users.save(u).promise;
    const pipe = pipeline();
    users.update(u, { lastName: 'L' }, pipe);
    users.save(u, pipe, { nx: true });
    await pipe.execute();
    expect([u.name, u.lastName]).to.deep.equal(['saved', 'L']);
    expect(await raw.hmget(`${KS}{local8}`, 'name', 'lastName')).to.deep.equal(['saved', 'L']);
  });
});
