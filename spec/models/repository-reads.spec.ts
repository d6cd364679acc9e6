// Repository reads and key commands against real Redis, alone and batched: get, getMany, load (and a
// model's defaultFields), exists, expire, ttl, scanIds, scan, toPlain; then every method in one pipeline.
import { expect } from 'chai';
import { Entity, Field, Integer, Model, pipeline, Repository, StringList, Text } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from './support.js';

const PREFIX = uniqueKey('RR');

@Model(PREFIX)
class Member extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Integer) visits?: number;
  @Field(StringList) tags?: string[];

  label(): string {
    return `${this.name}#${this.id}`;
  }
}

const SHORT = uniqueKey('RS');

@Model(SHORT, { defaultFields: ['name'] })
class Short extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Text) bio?: string;
}

const members = new Repository(Member);
const key = (id: string): string => `${PREFIX}{${id}}`;

describe('models: Repository reads', () => {
  const servers = useServers();
  const raw = () => servers.primary;

  it('get gives a real instance of the stored record, or null when missing; alone and batched', async () => {
    await raw().hset(key('g1'), { name: 'Ann', visits: '3', tags: 'a,b' });
    const one = await members.get('g1').promise;
    expect(one).to.be.instanceOf(Member);
    expect({ ...one }).to.deep.equal({ id: 'g1', name: 'Ann', visits: 3, tags: ['a', 'b'] });
    expect(one!.label()).to.equal('Ann#g1');
    expect(await members.get('none').promise).to.equal(null);
    const pipe = pipeline();
    const a = members.get('g1', pipe);
    const b = members.get('none', pipe);
    expect(a.ready).to.equal(false);
    await pipe.execute();
    expect(a.result?.name).to.equal('Ann');
    expect(b.result).to.equal(null);
  });

  it('getMany keeps the order of the ids, null for missing ones; alone and batched', async () => {
    await raw().hset(key('m1'), 'name', 'one');
    await raw().hset(key('m2'), 'name', 'two');
    const alone = await members.getMany(['m2', 'nope', 'm1']).promise;
    expect(alone.map((m) => m?.name ?? null)).to.deep.equal(['two', null, 'one']);
    expect(alone[0]).to.be.instanceOf(Member);
    expect(await members.getMany([]).promise).to.deep.equal([]);
    const pipe = pipeline();
    const many = members.getMany(['m1', 'm1', 'm2'], pipe);
    const single = members.get('m2', pipe);
    await pipe.execute();
    expect(many.result.map((m) => m!.name)).to.deep.equal(['one', 'one', 'two']);
    expect(many.result[0]).to.not.equal(many.result[1]);
    expect(single.result!.name).to.equal('two');
  });

  it('load reads chosen fields only (others stay unset), null when missing; alone and batched', async () => {
    await raw().hset(key('l1'), { name: 'Ann', visits: '7', tags: 't' });
    const part = await members.load('l1', ['visits']).promise;
    expect(part).to.be.instanceOf(Member);
    expect({ ...part }).to.deep.equal({ id: 'l1', visits: 7 });
    expect(await members.load('none', ['name']).promise).to.equal(null);
    const pipe = pipeline();
    const two = members.load('l1', ['name', 'tags'], pipe);
    const unsetField = members.load('l1', ['name', 'visits'], pipe);
    await raw().hdel(key('l1'), 'visits');
    await pipe.execute();
    expect({ ...two.result }).to.deep.equal({ id: 'l1', name: 'Ann', tags: ['t'] });
    expect({ ...unsetField.result }).to.deep.equal({ id: 'l1', name: 'Ann' });
  });

  it('load of no fields only tells whether the record exists', async () => {
    await raw().hset(key('l2'), 'name', 'Ann');
    expect({ ...(await members.load('l2', []).promise) }).to.deep.equal({ id: 'l2' });
    expect(await members.load('none', []).promise).to.equal(null);
  });

  it("get loads only the model's defaultFields when it names them", async () => {
    const shorts = new Repository(Short);
    await raw().hset(`${SHORT}{1}`, { name: 'Ann', bio: 'long text' });
    expect({ ...(await shorts.get('1').promise) }).to.deep.equal({ id: '1', name: 'Ann' });
    expect({ ...(await shorts.load('1', ['bio']).promise) }).to.deep.equal({ id: '1', bio: 'long text' });
    expect(await shorts.get('none').promise).to.equal(null);
  });

  it('exists, expire and ttl, by id and on an entity; alone and batched', async () => {
    await raw().hset(key('e1'), 'name', 'Ann');
    const e = (await members.get('e1').promise)!;
    expect(await members.exists('e1').promise).to.equal(true);
    expect(await members.exists('none').promise).to.equal(false);
    expect(await members.ttl(e).promise).to.equal(-1);
    expect(await members.ttl('none').promise).to.equal(-2);
    expect(await members.expire(e, 100).promise).to.equal(true);
    const pipe = pipeline();
    const t = members.ttl('e1', pipe);
    const miss = members.expire('none', 100, pipe);
    const ex = members.exists(e, pipe);
    const again = members.expire('e1', 50, pipe);
    const t2 = members.ttl('e1', pipe);
    await pipe.execute();
    expect(t.result).to.be.within(90, 100);
    expect([miss.result, ex.result, again.result]).to.deep.equal([false, true, true]);
    expect(t2.result).to.be.within(40, 50);
    expect(await raw().ttl(key('e1'))).to.be.within(40, 50);
  });

  it('scanIds yields every id of the model, and only those; scan yields entities a page at a time', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `s${i}`);
    const setup = raw().pipeline();
    for (const id of ids) setup.hset(key(id), 'name', `n-${id}`);
    setup.hset(`${PREFIX}x{s1}`, 'name', 'a foreign keyspace sharing the prefix'); // not ours
    setup.set(`${PREFIX}{s0}junk`, 'x'); // not prefix{id}
    await setup.exec();
    // ids of the other tests of this suite may be there too: keep only this test's
    const found = new Set<string>();
    for await (const id of members.scanIds({ count: 50 })) if (id.startsWith('s')) found.add(id);
    expect([...found].sort()).to.deep.equal([...ids].sort());
    const matched: string[] = [];
    for await (const id of members.scanIds({ match: 's1?' })) matched.push(id);
    expect(matched.sort()).to.deep.equal(['s10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18', 's19']);
    const seen = new Map<string, Member>();
    for await (const m of members.scan({ match: 's*', count: 40 })) seen.set(m.id, m);
    expect(seen.size).to.equal(230);
    expect(seen.get('s42')).to.be.instanceOf(Member);
    expect(seen.get('s42')!.name).to.equal('n-s42');
  });

  it('toPlain gives a plain object ready for JSON', async () => {
    const m = members.create({ id: 'p1', name: 'Ann', tags: ['a'] });
    const plain = members.toPlain(m);
    expect(Object.getPrototypeOf(plain)).to.equal(Object.prototype);
    expect(plain).to.deep.equal({ id: 'p1', name: 'Ann', tags: ['a'] });
    expect(JSON.parse(JSON.stringify(plain))).to.deep.equal(plain);
  });

  it('every method queued in one pipeline: nothing sent before execute, all results after', async () => {
    await raw().hset(key('all1'), { name: 'One', visits: '1', tags: 'x' });
    await raw().hset(key('all2'), { name: 'Two' });
    const pipe = pipeline();
    const saved = members.save(members.create({ id: 'all3', name: 'Three', visits: 3 }), pipe);
    const got = members.get('all3', pipe);
    const many = members.getMany(['all1', 'all2', 'nope'], pipe);
    const loaded = members.load('all1', ['tags'], pipe);
    const updated = members.update('all2', { visits: 20 }, pipe);
    const inc = members.incr('all2', 'visits', 2, pipe);
    const dec = members.decr('all1', 'visits', 1, pipe);
    const popped = members.pop('all1', 'tags', pipe);
    const removed = members.remove('all1', ['visits'], pipe);
    const exists = members.exists('all3', pipe);
    const expired = members.expire('all3', 60, pipe);
    const ttl = members.ttl('all3', pipe);
    const deleted = members.delete(['all2'], pipe);
    const after = members.getMany(['all1', 'all2'], pipe);
    expect(await raw().exists(key('all3'))).to.equal(0);
    await pipe.execute();
    expect(saved.result.id).to.equal('all3');
    expect(got.result!.visits).to.equal(3);
    expect(many.result.map((m) => m?.name ?? null)).to.deep.equal(['One', 'Two', null]);
    expect(loaded.result!.tags).to.deep.equal(['x']);
    expect([updated.result, inc.result, dec.result, popped.result, removed.result]).to.deep.equal([undefined, 22, 0, ['x'], 1]);
    expect([exists.result, expired.result, deleted.result]).to.deep.equal([true, true, 1]);
    expect(ttl.result).to.be.within(55, 60);
    expect(after.result[1]).to.equal(null);
    expect({ ...after.result[0] }).to.deep.equal({ id: 'all1', name: 'One' });
  });
});
