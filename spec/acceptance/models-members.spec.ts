// Acceptance: undeclared members and the key field on models that read bytes (a Binary field) or go
// through class-transformer; @Expose({ name }) and toPlainOnly @Transform.
import { expect } from 'chai';
import { Expose, Transform } from 'class-transformer';
import type { Redis } from 'ioredis';
import { Binary, DateTime, Entity, Field, Integer, Model, Repository, Text, connect, reset } from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

const BYTES = uniqueKey('BY');
@Model(BYTES)
class Avatar extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Binary) image?: Buffer;
}
const avatars = new Repository(Avatar);

const TRANSFORMED = uniqueKey('TR');
@Model(TRANSFORMED)
class Person extends Entity {
  id!: string;
  @Expose({ name: 'display_name' }) @Field(Text) displayName?: string;
  @Transform(({ value }) => (value instanceof Date ? value.toISOString() : value), { toPlainOnly: true })
  @Field(DateTime)
  born?: Date;
  @Field(Integer) age?: number;
}
const people = new Repository(Person);

describe('acceptance: models — members on byte-reading and transformed models', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('a model with a Binary field still loads undeclared members as strings, and text fields as text', async () => {
    await raw.hset(`${BYTES}{a1}`, 'name', 'Zoë 😀', 'image', Buffer.from([0, 255]), 'extra', 'x', 'count', '7');
    const a = await avatars.get('a1').promise;
    const extra = a as unknown as Record<string, unknown>;
    expect(a!.name).to.equal('Zoë 😀');
    expect([...a!.image!]).to.deep.equal([0, 255]);
    expect(extra.extra).to.equal('x');
    expect(extra.count).to.equal('7');
    await avatars.save(a!).promise;
    expect(await raw.hget(`${BYTES}{a1}`, 'extra')).to.equal('x');
  });

  it('a model with a Binary field ignores a stored member named like the key field', async () => {
    await raw.hset(`${BYTES}{a2}`, 'name', 'n', 'id', 'forged');
    expect((await avatars.get('a2').promise)!.id).to.equal('a2');
  });

  it('a class-transformer model keeps undeclared members and ignores a stored id', async () => {
    await raw.hset(`${TRANSFORMED}{p1}`, 'displayName', 'Ada', 'nickname', 'countess', 'id', 'forged');
    const p = await people.get('p1').promise;
    expect(p).to.be.instanceOf(Person);
    expect(p!.id).to.equal('p1');
    expect(p!.displayName).to.equal('Ada');
    expect((p as unknown as Record<string, unknown>).nickname).to.equal('countess');
  });

  it('@Expose({ name }) renames the property in toPlain only; the stored member is the property', async () => {
    const p = people.create({ id: 'p2', displayName: 'Grace', born: new Date(Date.UTC(1906, 11, 9)), age: 85 });
    expect(p.displayName).to.equal('Grace');
    await people.save(p).promise;
    expect(await raw.hget(`${TRANSFORMED}{p2}`, 'displayName')).to.equal('Grace');
    const back = await people.get('p2').promise;
    expect(back!.displayName).to.equal('Grace');
    const plain = people.toPlain(back!);
    expect(plain.display_name).to.equal('Grace');
    expect(plain).to.not.have.property('displayName');
    expect(plain.born).to.equal('1906-12-09T00:00:00.000Z');
    expect(back!.born).to.be.instanceOf(Date);
    expect(plain.age).to.equal(85);
  });
});
