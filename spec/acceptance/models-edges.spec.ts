// Acceptance: edges of the models issue — numeric fields (incr kinds, limits), renamed members,
// defaultFields, local state after mixed writes of one entity, odd undeclared members, no-pipe forms.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  BigIntField,
  Dict,
  Entity,
  Field,
  Float,
  Integer,
  Model,
  Repository,
  Text,
  connect,
  pipeline,
  reset,
  type JsonObject,
} from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

const KS = uniqueKey('E');
@Model(KS, { defaultFields: ['name', 'visits'] })
class Item extends Entity {
  id!: string;
  @Field(Text, { required: true, default: 'unnamed' }) name!: string;
  @Field(Integer, { name: 'v' }) visits?: number;
  @Field(Float, { name: 'r' }) rating?: number;
  @Field(BigIntField) huge?: bigint;
  @Field(Text) note?: string;
  @Field(Dict) meta?: JsonObject;

  describe(): string {
    return `${this.name}:${this.visits ?? 0}`;
  }
}
const items = new Repository(Item);
const key = (id: string) => `${KS}{${id}}`;
const settle = <T>(p: Promise<T>) => p.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));

describe('acceptance: models — edges', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('a required field with a default is filled, not refused; the entity gets it only after execute', async () => {
    const entity = items.create({ id: 'd1' });
    const pipe = pipeline();
    items.save(entity, pipe);
    expect(entity.name).to.equal(undefined);
    await pipe.execute();
    expect(entity.name).to.equal('unnamed');
    expect(await raw.hget(key('d1'), 'name')).to.equal('unnamed');
  });

  it('@Field name: every method takes the property and touches the member', async () => {
    await items.save(items.create({ id: 'r1', name: 'a', visits: 1, rating: 2.5 })).promise;
    expect(await raw.hgetall(key('r1'))).to.deep.equal({ name: 'a', v: '1', r: '2.5' });
    expect(await items.incr('r1', 'visits', 2).promise).to.equal(3);
    expect(await items.incr('r1', 'rating', 0.25).promise).to.equal(2.75);
    expect((await items.load('r1', ['visits']).promise)!.visits).to.equal(3);
    await items.update('r1', { rating: null }).promise;
    expect(await items.pop('r1', 'visits').promise).to.equal(3);
    expect(await raw.hgetall(key('r1'))).to.deep.equal({ name: 'a' });
    expect(await Item.core('r1').hget('name').promise).to.equal('a');
  });

  it('defaultFields: get() loads only those; load() reads others on demand', async () => {
    await items.save(items.create({ id: 'df', name: 'x', visits: 2, note: 'n' })).promise;
    const got = await items.get('df').promise;
    expect([got!.name, got!.visits, got!.note]).to.deep.equal(['x', 2, undefined]);
    expect(got!.describe()).to.equal('x:2');
    expect((await items.load('df', ['note']).promise)!.note).to.equal('n');
  });

  it('incr: Float uses HINCRBYFLOAT, BigInt beyond 2^53 (Redis stops at 2^63), non-numeric fields and wrong amounts are refused', async () => {
    await items.save(items.create({ id: 'n1', name: 'n', rating: 0.1, huge: 2n ** 64n })).promise;
    const r = await items.incr('n1', 'rating', 0.2).promise;
    expect(r).to.be.closeTo(0.3, 1e-12);
    expect((await items.load('n1', ['rating']).promise)!.rating).to.equal(r);
    // Redis counts in 64 bits: beyond that an incr fails (never a wrong number)
    expect((await settle(items.incr('n1', 'huge', 1n).promise)).ok).to.equal(false);
    await items.update('n1', { huge: 2n ** 60n }).promise;
    expect(await items.incr('n1', 'huge', 2n ** 60n).promise).to.equal(2n ** 61n);
    expect(await items.decr('n1', 'huge', 1n).promise).to.equal(2n ** 61n - 1n);
    expect(() => items.incr('n1', 'note' as never)).to.throw();
    expect(() => items.incr('n1', 'visits', 1.5)).to.throw();
    expect(() => items.incr('n1', 'visits', 1n)).to.throw();
  });

  it('incr of an Integer past 2^53 never yields an imprecise number', async () => {
    await raw.hset(key('big'), { name: 'b', v: String(2 ** 53 - 1) });
    const result = await settle(items.incr('big', 'visits', 2).promise);
    if (result.ok) expect(Number.isSafeInteger(result.v), String(result.v)).to.equal(true);
    const back = await settle(items.get('big').promise);
    if (back.ok) expect(Number.isSafeInteger(back.v!.visits)).to.equal(true);
  });

  it('save after incr of one entity in one pipeline: Redis and the object agree', async () => {
    await items.save(items.create({ id: 'm1', name: 'm', visits: 1 })).promise;
    const entity = (await items.get('m1').promise)!;
    const pipe = pipeline();
    items.incr(entity, 'visits', 5, pipe);
    items.save(entity, pipe);
    await pipe.execute();
    const stored = await raw.hget(key('m1'), 'v');
    expect(String(entity.visits)).to.equal(stored);
  });

  it('update then save of one entity in one pipeline: Redis and the object agree', async () => {
    await items.save(items.create({ id: 'm2', name: 'before' })).promise;
    const entity = (await items.get('m2').promise)!;
    const pipe = pipeline();
    items.update(entity, { name: 'updated' }, pipe);
    items.save(entity, pipe);
    await pipe.execute();
    expect(entity.name).to.equal(await raw.hget(key('m2'), 'name'));
  });

  it('odd undeclared members (__proto__, constructor, a method name) load without breaking the entity', async () => {
    await raw.hset(key('odd'), 'name', 'o', '__proto__', 'p', 'constructor', 'c', 'describe', 'd', 'toString', 't');
    const entity = await items.load('odd', ['name']).promise;
    const all = await items.getMany(['odd'], undefined).promise;
    for (const e of [entity, all[0]]) {
      expect(e).to.be.instanceOf(Item);
      expect(Object.getPrototypeOf(e)).to.equal(Item.prototype);
    }
    const scanned: Item[] = [];
    for await (const e of items.scan({ match: 'odd' })) scanned.push(e);
    expect(scanned).to.have.length(1);
    expect(scanned[0]).to.be.instanceOf(Item);
    await items.update('odd', { note: 'still fine' }).promise;
    expect(await raw.hget(key('odd'), '__proto__')).to.equal('p');
  });

  it('Dict keys such as __proto__ round-trip as own keys', async () => {
    const meta = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonObject;
    await items.save(items.create({ id: 'proto', name: 'p', meta })).promise;
    const back = (await items.load('proto', ['meta']).promise)!.meta!;
    expect(Object.keys(back)).to.deep.equal(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('an explicitly undefined property is neither written nor removed by save', async () => {
    await items.save(items.create({ id: 'u1', name: 'u', note: 'keep' })).promise;
    const e = items.create({ id: 'u1', name: 'u2' });
    e.note = undefined;
    await items.save(e).promise;
    expect(await raw.hget(key('u1'), 'note')).to.equal('keep');
  });

  it('methods accept an entity where the issue lists id (exists / expire / ttl / remove / pop)', async () => {
    const e = items.create({ id: 'ent', name: 'e', note: 'x', visits: 4 });
    await items.save(e).promise;
    expect(await items.exists(e).promise).to.equal(true);
    expect(await items.expire(e, 30).promise).to.equal(true);
    expect(await items.ttl(e).promise).to.be.within(25, 30);
    expect(await items.remove(e, ['note']).promise).to.equal(1);
    expect(e.note).to.equal(undefined);
    expect(await items.pop(e, 'visits').promise).to.equal(4);
    expect(e.visits).to.equal(undefined);
  });

  it('validation off: new Repository(Model, { validation: false })', async () => {
    const loose = new Repository(Item, { validation: false });
    await loose.save(loose.create({ id: 'nv', name: 'x' })).promise;
    expect(await raw.hget(key('nv'), 'name')).to.equal('x');
  });

  it('empty batches resolve at once: delete([]), remove(id, []), getMany([]), load(id, [])', async () => {
    await items.save(items.create({ id: 'emp', name: 'e' })).promise;
    expect(await items.delete([]).promise).to.equal(0);
    expect(await items.remove('emp', []).promise).to.equal(0);
    expect(await items.getMany([]).promise).to.deep.equal([]);
    const bare = await items.load('emp', []).promise;
    expect(bare).to.be.instanceOf(Item);
    expect(bare!.id).to.equal('emp');
    expect(await items.load('nothing', []).promise).to.equal(null);
  });

  it('works inside a transaction pipeline (pop and BigInt incr use scripts)', async () => {
    await items.save(items.create({ id: 'tx', name: 't', note: 'n', huge: 5n })).promise;
    const tx = pipeline(undefined, { transaction: true });
    const popped = items.pop('tx', 'note', tx);
    const inc = items.incr('tx', 'huge', 2n, tx);
    const got = items.load('tx', ['note', 'huge'], tx);
    await tx.execute();
    expect([popped.result, inc.result]).to.deep.equal(['n', 7n]);
    expect([got.result!.note, got.result!.huge]).to.deep.equal([undefined, 7n]);
  });
});
