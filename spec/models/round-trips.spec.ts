// Round trips of the Repository, counted by the harness proxy: 1,000 saves and 1,000 reads of others in
// one pipeline are 1 round trip; every method alone is 1; every method batched is 1; two models on two
// named connections (primary, secondary) are 1 round trip per connection.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { BigIntField, connect, Entity, Field, Float, Integer, Model, pipeline, Repository, reset, Text } from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

const USERS = uniqueKey('RTU');
const POSTS = uniqueKey('RTP');

@Model(USERS)
class User extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Text) email?: string;
  @Field(Integer) age?: number;
  @Field(Float) score?: number;
  @Field(BigIntField) big?: bigint;
}

@Model(POSTS, { connection: 'posts' })
class Post extends Entity {
  id!: string;
  @Field(Text) title?: string;
  @Field(Integer) likes?: number;
}

const users = new Repository(User);
const posts = new Repository(Post);

describe('models: round trips through the proxy', () => {
  let primary: RoundTripProxy;
  let secondary: RoundTripProxy;
  let viaPrimary: Redis;
  let viaSecondary: Redis;
  let raw: Redis;
  let rawSecondary: Redis;

  before(async () => {
    raw = newClient('primary');
    rawSecondary = newClient('secondary');
    primary = await startProxy('primary');
    secondary = await startProxy('secondary');
    viaPrimary = await clientThroughProxy(primary);
    viaSecondary = await clientThroughProxy(secondary);
  });
  beforeEach(() => {
    reset();
    connect(viaPrimary);
    connect(viaSecondary, 'posts');
    primary.reset();
    secondary.reset();
  });
  after(() => reset());

  it('saving 1,000 users and reading back 1,000 others in one pipeline is exactly 1 round trip', async () => {
    const setup = raw.pipeline();
    for (let i = 0; i < 1000; i++) setup.hset(`${USERS}{old${i}}`, { name: `old ${i}`, age: String(i) });
    await setup.exec();
    const pipe = pipeline();
    const saved = Array.from({ length: 1000 }, (_, i) =>
      users.save(users.create({ id: `new${i}`, name: `new ${i}`, email: `u${i}@example.com`, age: i, score: i / 4 }), pipe));
    const read = Array.from({ length: 1000 }, (_, i) => users.get(`old${i}`, pipe));
    expect(primary.roundTrips).to.equal(0);
    await pipe.execute();
    expect(primary.roundTrips).to.equal(1);
    expect(saved.every((d) => d.ready)).to.equal(true);
    expect(read.map((d) => d.result!.age)).to.deep.equal(Array.from({ length: 1000 }, (_, i) => i));
    expect(read[999].result).to.be.instanceOf(User);
    expect(await raw.hgetall(`${USERS}{new999}`)).to.deep.equal({ name: 'new 999', email: 'u999@example.com', age: '999', score: '249.75' });
  });

  it('getMany of 1,000 ids alone is 1 round trip', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `gm${i}`);
    const setup = raw.pipeline();
    for (const id of ids) setup.hset(`${USERS}{${id}}`, 'name', id);
    await setup.exec();
    const all = await users.getMany([...ids, 'missing']).promise;
    expect(primary.roundTrips).to.equal(1);
    expect(all.slice(0, 1000).map((u) => u!.name)).to.deep.equal(ids);
    expect(all[1000]).to.equal(null);
  });

  it('every method alone is exactly 1 round trip', async () => {
    await raw.hset(`${USERS}{a1}`, { name: 'A', age: '1', score: '1.5', big: '5' });
    const u = users.create({ id: 'a2', name: 'B', age: 2 });
    const calls: [string, () => Promise<unknown>][] = [
      ['save', () => users.save(u).promise],
      ['save nx', () => users.save(users.create({ id: 'a2', name: 'C' }), undefined, { nx: true }).promise],
      ['saveValidated', async () => (await users.saveValidated(u)).promise],
      ['get', () => users.get('a1').promise],
      ['getMany', () => users.getMany(['a1', 'a2']).promise],
      ['load', () => users.load('a1', ['name', 'age']).promise],
      ['update by id', () => users.update('a1', { email: 'a@example.com', score: null }).promise],
      ['update on an entity', () => users.update(u, { age: 3 }).promise],
      ['incr Integer', () => users.incr('a1', 'age').promise],
      ['decr Integer', () => users.decr(u, 'age', 2).promise],
      ['incr Float', () => users.incr('a1', 'score', 0.5).promise],
      ['incr BigInt', () => users.incr('a1', 'big', 10n ** 18n).promise],
      ['pop', () => users.pop('a1', 'email').promise],
      ['remove', () => users.remove('a1', ['age', 'score']).promise],
      ['exists', () => users.exists('a1').promise],
      ['expire', () => users.expire('a1', 60).promise],
      ['ttl', () => users.ttl(u).promise],
      ['delete', () => users.delete(['a2', 'missing']).promise],
    ];
    for (const [name, call] of calls) {
      primary.reset();
      await call();
      expect(primary.roundTrips, name).to.equal(1);
    }
    expect(await raw.hgetall(`${USERS}{a1}`)).to.deep.equal({ name: 'A', big: '1000000000000000005' });
  });

  it('every method batched in one pipeline is exactly 1 round trip, results in queue order', async () => {
    await raw.hset(`${USERS}{b1}`, { name: 'A', age: '1', score: '1.5', big: '5', email: 'e@example.com' });
    const u = users.create({ id: 'b2', name: 'B', age: 2 });
    const pipe = pipeline();
    users.save(u, pipe);
    users.save(users.create({ id: 'b2', name: 'ignored', score: 9 }), pipe, { nx: true });
    const got = users.get('b2', pipe);
    const many = users.getMany(['b1', 'b2', 'nope'], pipe);
    const loaded = users.load('b1', ['email'], pipe);
    users.update('b1', { name: 'AA' }, pipe);
    users.update(u, { email: 'b@example.com' }, pipe);
    const age = users.incr('b1', 'age', 10, pipe);
    const score = users.decr('b2', 'score', 0.5, pipe);
    const big = users.incr('b1', 'big', 2n ** 62n, pipe);
    const popped = users.pop('b1', 'email', pipe);
    const removed = users.remove('b1', 'score', pipe);
    const exists = users.exists('b2', pipe);
    users.expire('b2', 60, pipe);
    const ttl = users.ttl('b2', pipe);
    const deleted = users.delete(['b2'], pipe);
    const final = users.getMany(['b1', 'b2'], pipe);
    await pipe.execute();
    expect(primary.roundTrips).to.equal(1);
    expect(got.result!.score).to.equal(9);
    expect(many.result.map((x) => x?.name ?? null)).to.deep.equal(['A', 'B', null]);
    expect(loaded.result!.email).to.equal('e@example.com');
    expect([age.result, score.result, big.result, popped.result, removed.result]).to.deep.equal([11, 8.5, 2n ** 62n + 5n, 'e@example.com', 1]);
    expect([exists.result, deleted.result, final.result[1]]).to.deep.equal([true, 1, null]);
    expect(ttl.result).to.be.within(55, 60);
    expect({ ...final.result[0] }).to.deep.equal({ id: 'b1', name: 'AA', age: 11, big: 2n ** 62n + 5n });
    expect(u.email).to.equal('b@example.com');
  });

  it('in a transaction pipeline, writes and reads are 1 round trip (MULTI … EXEC) and entities change after', async () => {
    const u = users.create({ id: 't1', name: 'T', age: 1 });
    const pipe = pipeline(undefined, { transaction: true });
    users.save(u, pipe);
    const age = users.incr(u, 'age', 2, pipe);
    const read = users.get('t1', pipe);
    expect(u.age).to.equal(1);
    await pipe.execute();
    expect(primary.roundTrips).to.equal(1);
    expect([age.result, u.age, read.result!.age]).to.deep.equal([3, 3, 3]);
  });

  it('reads of two models on two named connections in one pipeline are 1 round trip per connection', async () => {
    await raw.hset(`${USERS}{c1}`, 'name', 'Ann');
    await rawSecondary.hset(`${POSTS}{c1}`, { title: 'Hello', likes: '3' });
    const pipe = pipeline();
    const reads = Array.from({ length: 50 }, () => [users.get('c1', pipe), posts.get('c1', pipe)] as const);
    const many = posts.getMany(['c1', 'c2'], pipe);
    const liked = posts.incr('c1', 'likes', 1, pipe);
    users.update('c1', { age: 30 }, pipe);
    await pipe.execute();
    expect([primary.roundTrips, secondary.roundTrips]).to.deep.equal([1, 1]);
    expect(reads[49][0].result!.name).to.equal('Ann');
    expect(reads[49][1].result!.title).to.equal('Hello');
    expect(many.result[1]).to.equal(null);
    expect(liked.result).to.equal(4);
    // each model's records are on its own server only
    expect(await raw.exists(`${POSTS}{c1}`)).to.equal(0);
    expect(await rawSecondary.exists(`${USERS}{c1}`)).to.equal(0);
    expect(await raw.hget(`${USERS}{c1}`, 'age')).to.equal('30');
  });
});
