// Acceptance: the DESIGN §4 model and every Repository method the models issue lists, single and
// batched, against real Redis (model connection 'users' = the secondary server).
import { expect } from 'chai';
import { IsEmail } from 'class-validator';
import type { Redis } from 'ioredis';
import {
  BooleanField,
  Entity,
  Field,
  Integer,
  Model,
  Repository,
  RequiredFieldError,
  Text,
  connect,
  pipeline,
  type Deferred,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

const KS = uniqueKey('U');

@Model(KS, { connection: 'users', ttl: 3600 })
class User extends Entity {
  @Field(Text, { required: true }) name!: string;
  @Field(Integer) lastSeen?: number;
  @Field(BooleanField, { default: false }) admin!: boolean;
  @IsEmail() @Field(Text) email?: string;
}

const POSTS = uniqueKey('P');
@Model(POSTS)
class Post extends Entity {
  id!: string;
  @Field(Text) title?: string;
}

const users = new Repository(User);
const posts = new Repository(Post);
const key = (id: string) => `${KS}{${id}}`;
const idOf = (u: User | null) => (u as unknown as { id?: string } | null)?.id;

describe('acceptance: models — Repository of the DESIGN §4 User', () => {
  let primary: Redis;
  let secondary: Redis;
  let proxy: RoundTripProxy;
  let proxyPrimary: RoundTripProxy;

  beforeEach(async () => {
    primary = newClient('primary');
    secondary = newClient('secondary');
    proxy = await startProxy('secondary');
    proxyPrimary = await startProxy('primary');
    reset();
    connect(await clientThroughProxy(proxyPrimary));
    connect(await clientThroughProxy(proxy), 'users');
  });
  afterEach(() => reset());

  const bob = (id = '1') => users.create({ id, name: 'Bob', lastSeen: 1700000000, email: 'bob@example.com' });

  it('save(entity) without a pipe writes the set fields, the default and the ttl on the users connection', async () => {
    const saved = await users.save(bob()).promise;
    expect(saved).to.be.instanceOf(User);
    const raw = await secondary.hgetall(key('1'));
    expect(raw).to.deep.equal({ name: 'Bob', lastSeen: '1700000000', admin: '', email: 'bob@example.com' });
    expect(await primary.exists(key('1'))).to.equal(0);
    const ttl = await secondary.ttl(key('1'));
    expect(ttl).to.be.within(3590, 3600);
  });

  it('get(id) → User instance; missing record → null', async () => {
    await users.save(bob()).promise;
    const u = await users.get('1').promise;
    expect(u).to.be.instanceOf(User);
    expect(idOf(u)).to.equal('1');
    expect(u!.name).to.equal('Bob');
    expect(u!.lastSeen).to.equal(1700000000);
    expect(u!.admin).to.equal(false);
    expect(u!.email).to.equal('bob@example.com');
    expect(await users.get('nobody').promise).to.equal(null);
  });

  it('getMany(ids) keeps the order and gives null for missing, in one round trip', async () => {
    await users.save(bob('a')).promise;
    await users.save(users.create({ id: 'c', name: 'Cy' })).promise;
    proxy.reset();
    const many = await users.getMany(['c', 'missing', 'a']).promise;
    expect(proxy.roundTrips).to.equal(1);
    expect(many.map((u) => u?.name ?? null)).to.deep.equal(['Cy', null, 'Bob']);
    expect(many[0]).to.be.instanceOf(User);
    expect(await users.getMany([]).promise).to.deep.equal([]);
  });

  it('load(id, fields) reads only the chosen fields', async () => {
    await users.save(bob()).promise;
    const u = await users.load('1', ['name', 'lastSeen']).promise;
    expect(u).to.be.instanceOf(User);
    expect(u!.name).to.equal('Bob');
    expect(u!.lastSeen).to.equal(1700000000);
    expect(u!.email).to.equal(undefined);
    expect(await users.load('nobody', ['name']).promise).to.equal(null);
  });

  it('update(id, changes) sets fields, null removes one, and the record keeps the rest', async () => {
    await users.save(bob()).promise;
    await users.update('1', { name: 'Bobby', email: null, admin: true }).promise;
    expect(await secondary.hgetall(key('1'))).to.deep.equal({ name: 'Bobby', lastSeen: '1700000000', admin: '1' });
    expect(() => users.update('1', { name: null })).to.throw(RequiredFieldError);
    expect(await secondary.hget(key('1'), 'name')).to.equal('Bobby');
  });

  it('save of an entity with a field set to null HDELs it', async () => {
    await users.save(bob()).promise;
    const u = users.create({ id: '1', name: 'Bob', email: null });
    await users.save(u).promise;
    expect(await secondary.hexists(key('1'), 'email')).to.equal(0);
    expect(await secondary.hget(key('1'), 'lastSeen')).to.equal('1700000000');
  });

  it('incr(id, field, by?) / decr return the new value', async () => {
    await users.save(bob()).promise;
    expect(await users.incr('1', 'lastSeen').promise).to.equal(1700000001);
    expect(await users.incr('1', 'lastSeen', 9).promise).to.equal(1700000010);
    expect(await users.decr('1', 'lastSeen').promise).to.equal(1700000009);
    expect(await users.decr('1', 'lastSeen', 9).promise).to.equal(1700000000);
    expect(await secondary.hget(key('1'), 'lastSeen')).to.equal('1700000000');
  });

  it('pop(id, field) returns the value and removes it; a missing field pops null', async () => {
    await users.save(bob()).promise;
    expect(await users.pop('1', 'lastSeen').promise).to.equal(1700000000);
    expect(await secondary.hexists(key('1'), 'lastSeen')).to.equal(0);
    expect(await users.pop('1', 'lastSeen').promise).to.equal(null);
    expect(await users.pop('nobody', 'email').promise).to.equal(null);
  });

  it('remove(id, fields) HDELs and counts', async () => {
    await users.save(bob()).promise;
    expect(await users.remove('1', ['lastSeen', 'email']).promise).to.equal(2);
    expect(await secondary.hgetall(key('1'))).to.deep.equal({ name: 'Bob', admin: '' });
    expect(() => users.remove('1', ['name'])).to.throw(RequiredFieldError);
  });

  it('delete(ids) takes an array; a single string is one id, never its characters', async () => {
    for (const id of ['a', 'b', 'ab', 'c']) await users.save(users.create({ id, name: id })).promise;
    expect(await users.delete('ab').promise).to.equal(1);
    expect(await users.exists('a').promise).to.equal(true);
    expect(await users.exists('b').promise).to.equal(true);
    expect(await users.delete(['a', 'b', 'zz']).promise).to.equal(2);
    expect(await users.exists('c').promise).to.equal(true);
    expect(await users.exists('a').promise).to.equal(false);
  });

  it('exists / expire / ttl', async () => {
    await users.save(bob()).promise;
    expect(await users.exists('1').promise).to.equal(true);
    expect(await users.exists('2').promise).to.equal(false);
    expect(await users.ttl('1').promise).to.be.within(3590, 3600);
    expect(await users.expire('1', 100).promise).to.equal(true);
    expect(await users.ttl('1').promise).to.be.within(95, 100);
    expect(await users.expire('2', 100).promise).to.equal(false);
    expect(await users.ttl('2').promise).to.equal(-2);
  });

  it('scanIds() and scan() iterate every record of the model with for await', async () => {
    @Model(uniqueKey('S'), { connection: 'users' })
    class Scanned extends User {}
    const repo = new Repository(Scanned);
    const ids = Array.from({ length: 57 }, (_, i) => `s${i}`);
    const pipe = pipeline();
    for (const id of ids) repo.save(repo.create({ id, name: `n${id}` }), pipe);
    users.save(bob('s-not-scanned'), pipe);
    await pipe.execute();
    const seen: string[] = [];
    for await (const id of repo.scanIds()) seen.push(id);
    expect(seen.sort()).to.deep.equal([...ids].sort());
    const names: string[] = [];
    for await (const u of repo.scan()) {
      expect(u).to.be.instanceOf(Scanned);
      names.push(`${idOf(u)}=${u.name}`);
    }
    expect(names.sort()).to.deep.equal(ids.map((id) => `${id}=n${id}`).sort());
    const matched: string[] = [];
    for await (const id of repo.scanIds({ match: 's1*' })) matched.push(id);
    expect(matched.sort()).to.deep.equal(ids.filter((id) => id.startsWith('s1')).sort());
  });

  it('every method queued on one pipeline is one round trip, and nothing is sent or set before execute', async () => {
    await users.save(bob('x')).promise;
    await users.save(bob('y')).promise;
    proxy.reset();
    const pipe = pipeline();
    const saved = users.save(bob('1'), pipe);
    const got = users.get('x', pipe);
    const many = users.getMany(['x', 'nope'], pipe);
    const loaded = users.load('y', ['name'], pipe);
    const updated = users.update('y', { name: 'Why' }, pipe);
    const inc = users.incr('x', 'lastSeen', 5, pipe);
    const dec = users.decr('y', 'lastSeen', 5, pipe);
    const popped = users.pop('x', 'email', pipe);
    const removed = users.remove('y', ['email'], pipe);
    const existed = users.exists('1', pipe);
    const expired = users.expire('1', 50, pipe);
    const ttl = users.ttl('1', pipe);
    const deleted = users.delete(['x'], pipe);
    expect(saved.ready).to.equal(false);
    expect(proxy.roundTrips).to.equal(0);
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect(saved.result).to.be.instanceOf(User);
    expect(got.result?.name).to.equal('Bob');
    expect(many.result.map((u) => u?.name ?? null)).to.deep.equal(['Bob', null]);
    expect(loaded.result?.name).to.equal('Bob');
    expect(updated.result).to.equal(undefined);
    expect(inc.result).to.equal(1700000005);
    expect(dec.result).to.equal(1699999995);
    expect(popped.result).to.equal('bob@example.com');
    expect(removed.result).to.equal(1);
    expect(existed.result).to.equal(true);
    expect(expired.result).to.equal(true);
    expect(ttl.result).to.be.within(45, 50);
    expect(deleted.result).to.equal(1);
    expect(await secondary.hgetall(key('y'))).to.deep.equal({ name: 'Why', lastSeen: '1699999995', admin: '' });
  });

  it('saving 1,000 users and reading back 1,000 others in one pipeline is 1 round trip', async () => {
    const seed = pipeline();
    for (let i = 0; i < 1000; i++) users.save(users.create({ id: `old${i}`, name: `old ${i}`, lastSeen: i }), seed);
    await seed.execute();
    proxy.reset();
    const pipe = pipeline();
    for (let i = 0; i < 1000; i++) users.save(users.create({ id: `new${i}`, name: `new ${i}`, lastSeen: i }), pipe);
    const reads = Array.from({ length: 1000 }, (_, i) => users.get(`old${i}`, pipe));
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect(reads.every((d, i) => d.result?.name === `old ${i}` && d.result.lastSeen === i)).to.equal(true);
    expect(await secondary.hget(key('new999'), 'name')).to.equal('new 999');
  });

  it('many models on two connections compose into one round trip per connection', async () => {
    const pipe = pipeline();
    users.save(bob('m1'), pipe);
    posts.save(posts.create({ id: 'p1', title: 'hello' }), pipe);
    const u = users.get('m1', pipe);
    const p = posts.get('p1', pipe);
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(1);
    expect(proxyPrimary.roundTrips).to.equal(1);
    expect(u.result?.name).to.equal('Bob');
    expect(p.result?.title).to.equal('hello');
    expect(await primary.hget(`${POSTS}{p1}`, 'title')).to.equal('hello');
  });

  it('a failed save (required field missing) throws at once and queues nothing', async () => {
    const pipe = pipeline();
    const noName = users.create({ id: '9', lastSeen: 5 });
    expect(() => users.save(noName, pipe)).to.throw(RequiredFieldError);
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(0);
    expect(await secondary.exists(key('9'))).to.equal(0);
  });

  it('deferreds are typed as the issue says', async () => {
    const pipe = pipeline();
    const one: Deferred<User | null> = users.get('t', pipe);
    const many: Deferred<(User | null)[]> = users.getMany(['t'], pipe);
    const some: Deferred<User | null> = users.load('t', ['name'], pipe);
    const saved: Deferred<User> = users.save(bob('t'), pipe);
    const up: Deferred<void> = users.update('t', { lastSeen: 1 }, pipe);
    const inc: Deferred<number> = users.incr('t', 'lastSeen', 1, pipe);
    const popped: Deferred<string | null> = users.pop('t', 'email', pipe);
    const removed: Deferred<number> = users.remove('t', ['email'], pipe);
    const there: Deferred<boolean> = users.exists('t', pipe);
    const exp: Deferred<boolean> = users.expire('t', 10, pipe);
    const ttl: Deferred<number> = users.ttl('t', pipe);
    const gone: Deferred<number> = users.delete(['t'], pipe);
    await pipe.execute();
    expect([one, many, some, saved, up, inc, popped, removed, there, exp, ttl, gone].every((d) => d.ready)).to.equal(true);
  });

  it('without a pipe each call is one round trip (save with ttl: HSET + EXPIRE together)', async () => {
    await users.save(bob('rt')).promise;
    expect(proxy.roundTrips).to.equal(1);
    await users.get('rt').promise;
    await users.update('rt', { admin: true }).promise;
    expect(proxy.roundTrips).to.equal(3);
  });

  it("User.core(id) reads the record on the model's connection with its codecs", async () => {
    await users.save(bob('core')).promise;
    const admin: Deferred<boolean | null> = User.core('core').hget('admin');
    expect([await User.core('core').hget('name').promise, await admin.promise]).to.deep.equal(['Bob', false]);
  });
});
