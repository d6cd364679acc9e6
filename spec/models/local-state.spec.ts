// Entities never change locally until their pipeline has executed (redpipe's rule); several writes of one
// entity in one pipeline leave Redis and the local object agreeing; alone, a write's promise settles once
// the entity has changed.
import { expect } from 'chai';
import { BigIntField, Entity, Field, Float, Integer, Model, pipeline, Repository, StringList, Text } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from './support.js';

@Model(uniqueKey('LS'))
class Counter extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Integer) count?: number;
  @Field(Float) ratio?: number;
  @Field(BigIntField) huge?: bigint;
  @Field(StringList) tags?: string[];
}

const counters = new Repository(Counter);

describe('models: entities change locally only after execute', () => {
  const servers = useServers();
  const stored = (id: string) => servers.primary.hgetall(counters.key(id));
  const fresh = async (id: string, values: Record<string, string>): Promise<Counter> => {
    await servers.primary.hset(counters.key(id), values);
    return (await counters.get(id).promise)!;
  };

  it('update on an entity: unchanged before execute, changed after', async () => {
    const c = await fresh('u1', { name: 'a', count: '1', tags: 'x' });
    const pipe = pipeline();
    counters.update(c, { name: 'b', tags: null }, pipe);
    expect([c.name, c.tags]).to.deep.equal(['a', ['x']]);
    await pipe.execute();
    expect([c.name, c.tags]).to.deep.equal(['b', undefined]);
    expect('tags' in c).to.equal(false);
    expect(await stored('u1')).to.deep.equal({ name: 'b', count: '1' });
  });

  it('two updates of one entity in one pipeline: Redis and the local object agree (the last wins)', async () => {
    const c = await fresh('u2', { name: 'a', count: '1' });
    const pipe = pipeline();
    counters.update(c, { name: 'first', count: 10 }, pipe);
    counters.update(c, { name: 'second', ratio: 0.5 }, pipe);
    counters.update(c, { count: null }, pipe);
    expect(c.name).to.equal('a');
    await pipe.execute();
    expect({ ...c }).to.deep.equal({ id: 'u2', name: 'second', ratio: 0.5 });
    expect({ ...(await counters.get('u2').promise) }).to.deep.equal({ ...c });
  });

  it('incr on an entity updates it after execute; several incrs leave it equal to Redis', async () => {
    const c = await fresh('i1', { count: '5', ratio: '1.5', huge: '9007199254740993' });
    const pipe = pipeline();
    const first = counters.incr(c, 'count', 2, pipe);
    counters.incr(c, 'count', 3, pipe);
    counters.decr(c, 'ratio', 0.25, pipe);
    counters.incr(c, 'huge', 2n, pipe);
    counters.update('i1', { count: 100 }, pipe); // by id: the entity does not know
    counters.incr(c, 'count', 1, pipe);
    expect([c.count, c.ratio, c.huge]).to.deep.equal([5, 1.5, 9007199254740993n]);
    await pipe.execute();
    expect(first.result).to.equal(7);
    expect([c.count, c.ratio, c.huge]).to.deep.equal([101, 1.25, 9007199254740995n]);
    expect(await stored('i1')).to.deep.equal({ count: '101', ratio: '1.25', huge: '9007199254740995' });
  });

  it('pop and remove on an entity clear it locally after execute only', async () => {
    const c = await fresh('p1', { name: 'a', count: '1', tags: 'x,y' });
    const pipe = pipeline();
    const popped = counters.pop(c, 'tags', pipe);
    counters.remove(c, ['count'], pipe);
    expect([c.tags, c.count]).to.deep.equal([['x', 'y'], 1]);
    await pipe.execute();
    expect(popped.result).to.deep.equal(['x', 'y']);
    expect({ ...c }).to.deep.equal({ id: 'p1', name: 'a' });
    expect(await stored('p1')).to.deep.equal({ name: 'a' });
  });

  it('a save followed by updates of the same entity agree with Redis', async () => {
    const c = counters.create({ id: 's1', name: 'new', count: 1 });
    const pipe = pipeline();
    counters.save(c, pipe);
    counters.incr(c, 'count', 4, pipe);
    counters.update(c, { tags: ['t'] }, pipe);
    await pipe.execute();
    expect({ ...c }).to.deep.equal({ id: 's1', name: 'new', count: 5, tags: ['t'] });
    expect({ ...(await counters.get('s1').promise) }).to.deep.equal({ ...c });
  });

  it("alone (no pipe), awaiting a write's promise sees the entity already changed", async () => {
    const c = await fresh('a1', { name: 'a', count: '1', tags: 'x' });
    const incremented = counters.incr(c, 'count', 1);
    expect(c.count).to.equal(1);
    expect(await incremented.promise).to.equal(2);
    expect(c.count).to.equal(2);
    await counters.update(c, { name: 'b' }).promise;
    expect(c.name).to.equal('b');
    expect(await counters.pop(c, 'tags').promise).to.deep.equal(['x']);
    expect(c.tags).to.equal(undefined);
    await counters.remove(c, 'name').promise;
    expect(c.name).to.equal(undefined);
    expect({ ...c }).to.deep.equal({ id: 'a1', count: 2 });
  });

  it('an entity from a nested pipeline changes when the root executes, not when the nested one hands up', async () => {
    const c = await fresh('n1', { name: 'a' });
    const root = pipeline();
    const nested = pipeline(root);
    counters.update(c, { name: 'b' }, nested);
    await nested.execute();
    expect(c.name).to.equal('a');
    expect(await stored('n1')).to.deep.equal({ name: 'a' });
    await root.execute();
    expect(c.name).to.equal('b');
  });

  it('a failed write (Redis rejects the incr) leaves the entity unchanged and rejects its promise', async () => {
    await servers.primary.hset(counters.key('f1'), { count: 'not a number', name: 'a' });
    const c = counters.create({ id: 'f1', name: 'a', count: 1 });
    const pipe = pipeline();
    const failed = counters.incr(c, 'count', 1, pipe);
    let thrown: unknown;
    await pipe.execute().catch((error: unknown) => (thrown = error));
    expect(thrown).to.be.instanceOf(Error);
    expect(failed.error!.message).to.include('not an integer');
    expect(c.count).to.equal(1);
    let rejected: Error | undefined;
    await counters.incr(c, 'count', 1).promise.catch((error: Error) => (rejected = error));
    expect(rejected!.message).to.include('not an integer');
    expect(c.count).to.equal(1);
  });
});
