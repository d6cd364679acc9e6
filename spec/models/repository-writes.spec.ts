// Repository writes against real Redis, each alone (its own round trip) and batched in one pipeline:
// create, save (null removes, { nx: true }), saveValidated, update (by id and on an entity), incr/decr of
// Integer, Float and BigInt fields, pop, remove, delete.
import { expect } from 'chai';
import {
  BigIntField, Entity, Field, Float, Integer, Model, pipeline, Repository, StringList, Text, UnknownFieldError,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectNothingQueued, thrown, useServers } from './support.js';

const PREFIX = uniqueKey('RW');

@Model(PREFIX)
class Account extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Integer) visits?: number;
  @Field(Float) balance?: number;
  @Field(BigIntField) big?: bigint;
  @Field(StringList) tags?: string[];

  greet(): string {
    return `hi ${this.name}`;
  }
}

const accounts = new Repository(Account);
const key = (id: string): string => `${PREFIX}{${id}}`;

describe('models: Repository writes', () => {
  const servers = useServers();
  const raw = () => servers.primary;

  it('create builds a real instance (methods work) and writes nothing', async () => {
    const a = accounts.create({ id: 'c1', name: 'Ann', visits: 2 });
    expect(a).to.be.instanceOf(Account);
    expect(a.greet()).to.equal('hi Ann');
    expect({ ...a }).to.deep.equal({ id: 'c1', name: 'Ann', visits: 2 });
    expect(await raw().exists(key('c1'))).to.equal(0);
  });

  it('save alone writes the set fields under prefix{id} and resolves to the entity', async () => {
    const a = accounts.create({ id: 's1', name: 'Ann', visits: 3, balance: 1.5, big: 2n ** 70n, tags: ['a', 'b'] });
    expect(await accounts.save(a).promise).to.equal(a);
    expect(await raw().hgetall(key('s1'))).to.deep.equal({
      name: 'Ann', visits: '3', balance: '1.5', big: '1180591620717411303424', tags: 'a,b',
    });
  });

  it('saves of many entities batch in one pipeline; nothing is sent before execute', async () => {
    const pipe = pipeline();
    const saved = ['b1', 'b2', 'b3'].map((id, i) => accounts.save(accounts.create({ id, name: `n${i}`, visits: i }), pipe));
    expect(pipe.size).to.equal(3);
    expect(await raw().exists(key('b1'))).to.equal(0);
    await pipe.execute();
    expect(saved.map((d) => d.result.id)).to.deep.equal(['b1', 'b2', 'b3']);
    expect(await raw().hgetall(key('b3'))).to.deep.equal({ name: 'n2', visits: '2' });
  });

  it('save removes fields set to null (HDEL) and keeps fields left unset', async () => {
    await raw().hset(key('n1'), { name: 'Ann', visits: '3', balance: '2.5' });
    const a = accounts.create({ id: 'n1', name: 'Bo', visits: null });
    const pipe = pipeline();
    accounts.save(a, pipe);
    expect(pipe.size).to.equal(2); // HSET name, HDEL visits
    await pipe.execute();
    expect(await raw().hgetall(key('n1'))).to.deep.equal({ name: 'Bo', balance: '2.5' });
  });

  it('save { nx: true } writes only absent members; the entity reflects what is stored after execute', async () => {
    await raw().hset(key('x1'), { name: 'Old', visits: '1' });
    const a = accounts.create({ id: 'x1', name: 'New', visits: 9, balance: 0.5 });
    const fresh = accounts.create({ id: 'x2', name: 'Fresh' });
    const pipe = pipeline();
    accounts.save(a, pipe, { nx: true });
    accounts.save(fresh, pipe, { nx: true });
    await pipe.execute();
    expect(await raw().hgetall(key('x1'))).to.deep.equal({ name: 'Old', visits: '1', balance: '0.5' });
    expect(await raw().hgetall(key('x2'))).to.deep.equal({ name: 'Fresh' });
    expect({ ...a }).to.deep.equal({ id: 'x1', name: 'Old', visits: 1, balance: 0.5 });
    // alone
    const b = accounts.create({ id: 'x1', name: 'Other', tags: ['t'] });
    await accounts.save(b, undefined, { nx: true }).promise;
    expect(b.name).to.equal('Old');
    expect(await raw().hget(key('x1'), 'tags')).to.equal('t');
  });

  it('saveValidated and validate work alone and with a pipe (no constraints on this model)', async () => {
    await accounts.validate(accounts.create({ id: 'v1', name: 'A' }));
    await (await accounts.saveValidated(accounts.create({ id: 'v1', name: 'A' }))).promise;
    const pipe = pipeline();
    const d = await accounts.saveValidated(accounts.create({ id: 'v2', name: 'B' }), pipe);
    expect(await raw().exists(key('v2'))).to.equal(0);
    await pipe.execute();
    expect(d.result.name).to.equal('B');
    expect(await raw().hgetall(key('v1'))).to.deep.equal({ name: 'A' });
    expect(await raw().hgetall(key('v2'))).to.deep.equal({ name: 'B' });
  });

  it('update by id writes changes and removes null ones; on an entity it uses the entity id', async () => {
    await raw().hset(key('u1'), { name: 'Ann', visits: '3', balance: '1' });
    await accounts.update('u1', { visits: 4, balance: null }).promise;
    expect(await raw().hgetall(key('u1'))).to.deep.equal({ name: 'Ann', visits: '4' });
    const a = (await accounts.get('u1').promise)!;
    const pipe = pipeline();
    const done = accounts.update(a, { name: 'Bea', tags: ['x', 'y'] }, pipe);
    accounts.update('u2', { name: 'Cy' }, pipe);
    await pipe.execute();
    expect(done.result).to.equal(undefined);
    expect(await raw().hgetall(key('u1'))).to.deep.equal({ name: 'Bea', visits: '4', tags: 'x,y' });
    expect(await raw().hgetall(key('u2'))).to.deep.equal({ name: 'Cy' });
  });

  it('update refuses undeclared properties and the key field, queueing nothing', async () => {
    const pipe = pipeline();
    const unknown = thrown(() => accounts.update('k1', { name: 'A', nope: 1 } as never, pipe));
    expect(unknown).to.be.instanceOf(UnknownFieldError);
    expect(unknown.message).to.include("'nope'");
    const id = thrown(() => accounts.update('k1', { name: 'A', id: 'k2' }, pipe));
    expect(id).to.be.instanceOf(UnknownFieldError);
    expect(id.message).to.include('key field');
    await expectNothingQueued(pipe, raw(), key('k1'));
  });

  it('incr and decr of Integer, Float and BigInt fields, by id and on an entity, resolve to the new value', async () => {
    await raw().hset(key('i1'), { name: 'A', visits: '10', balance: '0.1', big: '9223372036854775000' });
    expect(await accounts.incr('i1', 'visits').promise).to.equal(11);
    expect(await accounts.decr('i1', 'visits', 5).promise).to.equal(6);
    const pipe = pipeline();
    const v = accounts.incr('i1', 'visits', 100, pipe);
    const f = accounts.incr('i1', 'balance', 0.2, pipe);
    const g = accounts.decr('i1', 'balance', 1.5, pipe);
    const b = accounts.incr('i1', 'big', 7n, pipe);
    const c = accounts.decr('i1', 'big', 2n, pipe);
    const fresh = accounts.incr('i2', 'visits', -3, pipe);
    await pipe.execute();
    expect([v.result, f.result, g.result, b.result, c.result, fresh.result]).to.deep.equal([
      106, 0.3, -1.2, 9223372036854775007n, 9223372036854775005n, -3,
    ]);
    expect(await raw().hgetall(key('i1'))).to.deep.include({ visits: '106', big: '9223372036854775005' });
    const a = (await accounts.get('i1').promise)!;
    expect(await accounts.incr(a, 'big', 1n).promise).to.equal(9223372036854775006n);
    expect(a.big).to.equal(9223372036854775006n);
  });

  it('incr refuses amounts its field cannot take, and non-number fields, queueing nothing', async () => {
    const pipe = pipeline();
    for (const [field, by] of [['visits', 1.5], ['visits', 2 ** 53], ['big', 1], ['balance', Infinity], ['balance', 1n], ['name', 1]] as const) {
      const error = thrown(() => accounts.incr('r1', field, by, pipe));
      expect(error, `${field} by ${String(by)}`).to.be.instanceOf(UnknownFieldError);
      expect(error.message).to.include(`'${field}'`);
    }
    await expectNothingQueued(pipe, raw(), key('r1'));
  });

  it('pop reads and removes one field atomically (null when absent), alone and batched', async () => {
    await raw().hset(key('p1'), { name: 'A', visits: '5', tags: 'a,b' });
    expect(await accounts.pop('p1', 'visits').promise).to.equal(5);
    expect(await accounts.pop('p1', 'visits').promise).to.equal(null);
    const pipe = pipeline();
    const tags = accounts.pop('p1', 'tags', pipe);
    const none = accounts.pop('missing', 'balance', pipe);
    await pipe.execute();
    expect([tags.result, none.result]).to.deep.equal([['a', 'b'], null]);
    expect(await raw().hgetall(key('p1'))).to.deep.equal({ name: 'A' });
  });

  it('remove deletes one field or several and counts them, alone and batched', async () => {
    await raw().hset(key('m1'), { name: 'A', visits: '5', balance: '1', tags: 't' });
    expect(await accounts.remove('m1', 'visits').promise).to.equal(1);
    const pipe = pipeline();
    const two = accounts.remove('m1', ['balance', 'tags', 'big'], pipe);
    const none = accounts.remove('m1', [], pipe);
    await pipe.execute();
    expect([two.result, none.result]).to.deep.equal([2, 0]);
    expect(await raw().hgetall(key('m1'))).to.deep.equal({ name: 'A' });
  });

  it("delete takes an array of ids; a single string is ONE id: delete('ab') keeps a and b", async () => {
    for (const id of ['a', 'b', 'ab', 'c', 'd']) await raw().hset(key(id), 'name', id);
    expect(await accounts.delete('ab').promise).to.equal(1);
    expect(await raw().exists(key('a'), key('b'), key('ab'))).to.equal(2);
    const pipe = pipeline();
    const two = accounts.delete(['a', 'c', 'missing'], pipe);
    const one = accounts.delete(['d'], pipe);
    expect(await raw().exists(key('a'))).to.equal(1);
    await pipe.execute();
    expect([two.result, one.result]).to.deep.equal([2, 1]);
    expect(await raw().exists(key('a'), key('b'), key('c'), key('d'))).to.equal(1);
  });
});
