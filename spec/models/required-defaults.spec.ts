// Required fields, defaults (written on save, read for missing members, factories), ttl (EXPIRE after
// save, update and incr) and { nx: true } against real Redis.
import { expect } from 'chai';
import {
  DateTime, Entity, Field, Integer, List, Model, pipeline, Repository, RequiredFieldError, StringList, Text, type JsonValue,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectNothingQueued, thrown, useServers } from './support.js';

const STRICT = uniqueKey('RQ');

@Model(STRICT)
class Strict extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Integer, { required: true, default: 1 }) level!: number;
  @Field(Text) note?: string;
}

/** The same records, from before `name` and `level` became required. */
@Model(STRICT)
class Legacy extends Entity {
  id!: string;
  @Field(Text) note?: string;
}

const DEFAULTS = uniqueKey('DF');
let made = 0;

@Model(DEFAULTS)
class WithDefaults extends Entity {
  id!: string;
  @Field(Text, { default: 'anon' }) name?: string;
  @Field(Integer, { default: 0 }) visits?: number;
  @Field(StringList, { default: () => [] }) tags?: string[];
  @Field(List, { default: () => [++made] }) serial?: JsonValue[];
  @Field(DateTime, { default: () => new Date(1000) }) since?: Date;
}

const TTL = uniqueKey('TL');

@Model(TTL, { ttl: 300 })
class Session extends Entity {
  id!: string;
  @Field(Text) user?: string;
  @Field(Integer) hits?: number;
}

const stricts = new Repository(Strict);
const legacies = new Repository(Legacy);
const defaults = new Repository(WithDefaults);
const sessions = new Repository(Session);

describe('models: required fields', () => {
  const servers = useServers();

  it('creating a record without a required field fails (RequiredFieldError naming it); nothing is queued', async () => {
    const pipe = pipeline();
    const entity = stricts.create({ id: 'r1', note: 'hello' });
    const error = thrown(() => stricts.save(entity, pipe));
    expect(error).to.be.instanceOf(RequiredFieldError);
    expect((error as RequiredFieldError).fields).to.deep.equal(['name']);
    expect(error.message).to.include('Strict').and.include("'name'");
    expect(() => stricts.save(stricts.create({ id: 'r1', name: null, note: 'x' }), pipe)).to.throw(RequiredFieldError, "'name'");
    await expectNothingQueued(pipe, servers.primary, stricts.key('r1'));
  });

  it('a required field with a default is filled by it', async () => {
    await stricts.save(stricts.create({ id: 'r2', name: 'Ann' })).promise;
    expect(await servers.primary.hgetall(stricts.key('r2'))).to.deep.equal({ name: 'Ann', level: '1' });
  });

  it('update to null, remove and pop of a required field are refused; nothing is queued', async () => {
    await servers.primary.hset(stricts.key('r3'), { name: 'Ann', level: '2', note: 'n' });
    const pipe = pipeline();
    expect(() => stricts.update('r3', { note: 'new', name: null }, pipe)).to.throw(RequiredFieldError, 'cannot remove');
    expect(() => stricts.update('r3', { level: undefined }, pipe)).to.throw(RequiredFieldError, "'level'");
    expect(() => stricts.remove('r3', ['note', 'name'], pipe)).to.throw(RequiredFieldError, "'name'");
    expect(() => stricts.remove('r3', 'level', pipe)).to.throw(RequiredFieldError);
    expect(() => stricts.pop('r3', 'name', pipe)).to.throw(RequiredFieldError, 'cannot pop');
    expect(pipe.size).to.equal(0);
    await pipe.execute();
    expect(await servers.primary.hgetall(stricts.key('r3'))).to.deep.equal({ name: 'Ann', level: '2', note: 'n' });
  });

  it('a record written before the field became required still loads, and can be updated', async () => {
    await legacies.save(legacies.create({ id: 'old', note: 'from v1' })).promise;
    const old = (await stricts.get('old').promise)!;
    expect(old).to.be.instanceOf(Strict);
    expect({ ...old }).to.deep.equal({ id: 'old', note: 'from v1', level: 1 }); // level: its default
    expect({ ...(await stricts.load('old', ['name', 'note']).promise) }).to.deep.equal({ id: 'old', note: 'from v1' });
    await stricts.update('old', { note: 'from v2' }).promise;
    expect(await servers.primary.hgetall(stricts.key('old'))).to.deep.equal({ note: 'from v2' });
  });
});

describe('models: defaults', () => {
  const servers = useServers();

  it('are written on save for unset fields, and set on the entity only after execute', async () => {
    const pipe = pipeline();
    const entity = defaults.create({ id: 'd1', visits: 5 });
    defaults.save(entity, pipe);
    expect(entity.name).to.equal(undefined);
    await pipe.execute();
    const serial = made;
    expect({ ...entity }).to.deep.equal({ id: 'd1', name: 'anon', visits: 5, tags: [], serial: [serial], since: new Date(1000) });
    expect(await servers.primary.hgetall(defaults.key('d1'))).to.deep.equal({
      name: 'anon', visits: '5', tags: '', serial: `[${serial}]`, since: '1000',
    });
  });

  it('alone (no pipe), awaiting the save sees the defaults already set on the entity', async () => {
    const entity = defaults.create({ id: 'd0', visits: 1 });
    await defaults.save(entity).promise;
    expect(entity.name).to.equal('anon');
    expect(entity.tags).to.deep.equal([]);
  });

  it('are read for members the stored record lacks (get and load); stored values win', async () => {
    await servers.primary.hset(defaults.key('d2'), { visits: '7', name: '' });
    const before = made;
    const got = (await defaults.get('d2').promise)!;
    expect({ ...got }).to.deep.equal({ id: 'd2', name: '', visits: 7, tags: [], serial: [before + 1], since: new Date(1000) });
    const loaded = (await defaults.load('d2', ['tags', 'visits']).promise)!;
    expect({ ...loaded }).to.deep.equal({ id: 'd2', tags: [], visits: 7 });
    expect(await servers.primary.hgetall(defaults.key('d2'))).to.deep.equal({ visits: '7', name: '' });
    expect(await defaults.get('missing').promise).to.equal(null);
  });

  it('factories are called for each entity: no value is shared', async () => {
    const pipe = pipeline();
    const a = defaults.create({ id: 'd3' });
    const b = defaults.create({ id: 'd4' });
    defaults.save(a, pipe);
    defaults.save(b, pipe);
    await pipe.execute();
    expect(a.tags).to.not.equal(b.tags);
    expect(a.since).to.not.equal(b.since);
    expect(b.serial![0]).to.equal((a.serial![0] as number) + 1);
    a.tags!.push('mine');
    expect(b.tags).to.deep.equal([]);
  });
});

describe('models: ttl and nx', () => {
  const servers = useServers();
  const ttl = (id: string) => servers.primary.ttl(sessions.key(id));

  it('a model ttl is set by save, and renewed by update and incr', async () => {
    await sessions.save(sessions.create({ id: 't1', user: 'ann' })).promise;
    expect(await ttl('t1')).to.be.within(290, 300);
    await servers.primary.persist(sessions.key('t1'));
    await sessions.update('t1', { hits: 1 }).promise;
    expect(await ttl('t1')).to.be.within(290, 300);
    await servers.primary.expire(sessions.key('t1'), 5);
    const pipe = pipeline();
    sessions.incr('t1', 'hits', 1, pipe);
    await pipe.execute();
    expect(await ttl('t1')).to.be.within(290, 300);
    await sessions.save(sessions.create({ id: 't2', user: 'bo' }), undefined, { nx: true }).promise;
    expect(await ttl('t2')).to.be.within(290, 300);
    expect(await servers.primary.hgetall(sessions.key('t1'))).to.deep.equal({ user: 'ann', hits: '2' });
  });

  it('a model without ttl never sets one', async () => {
    await defaults.save(defaults.create({ id: 'nt' })).promise;
    await defaults.update('nt', { visits: 3 }).promise;
    expect(await servers.primary.ttl(defaults.key('nt'))).to.equal(-1);
  });

  it('nx writes only absent members, defaults included, and reports what is stored', async () => {
    await servers.primary.hset(defaults.key('nx'), { name: 'kept', tags: 'a' });
    const entity = defaults.create({ id: 'nx', name: 'lost', visits: 3 });
    const pipe = pipeline();
    defaults.save(entity, pipe, { nx: true });
    expect(entity.name).to.equal('lost');
    await pipe.execute();
    const stored = await servers.primary.hgetall(defaults.key('nx'));
    expect(stored).to.include({ name: 'kept', tags: 'a', visits: '3', since: '1000' });
    expect(entity.name).to.equal('kept');
    expect(entity.tags).to.deep.equal(['a']);
    expect(entity.visits).to.equal(3);
  });
});
