// Acceptance: model definition (errors at class definition, inheritance), required / default / ttl / nx,
// undeclared hash members, and the key-field rules.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  BooleanField,
  Entity,
  Field,
  Integer,
  MissingIdError,
  Model,
  ModelDefinitionError,
  Repository,
  RequiredFieldError,
  Text,
  connect,
  pipeline,
  reset,
  type Codec,
} from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

const BASE = uniqueKey('B');
@Model(BASE)
class Animal extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Text) nickname?: string;
  @Field(Integer, { default: 4 }) legs!: number;
}
class Dog extends Animal {
  @Field(BooleanField, { default: () => true }) goodBoy!: boolean;
}
const BIRDS = uniqueKey('BIRD');
@Model(BIRDS, { connection: 'users', ttl: 60 })
class Bird extends Animal {
  @Field(Text, { required: true }) override nickname!: string;
  @Field(Integer, { default: 2 }) override legs!: number;
  @Field(Integer) wingspan?: number;
}

const animals = new Repository(Animal);
const dogs = new Repository(Dog);
const birds = new Repository(Bird);

describe('acceptance: models — inheritance', () => {
  let primary: Redis;
  let secondary: Redis;
  beforeEach(() => {
    primary = newClient('primary');
    secondary = newClient('secondary');
    reset();
    connect(newClient('primary'));
    connect(newClient('secondary'), 'users');
  });
  afterEach(() => reset());

  it("a subclass without @Model inherits the parent's keyspace, connection and fields, and extends them", async () => {
    await dogs.save(dogs.create({ id: 'rex', name: 'Rex' })).promise;
    expect(await primary.hgetall(`${BASE}{rex}`)).to.deep.equal({ name: 'Rex', legs: '4', goodBoy: '1' });
    const dog = await dogs.get('rex').promise;
    expect(dog).to.be.instanceOf(Dog);
    expect([dog!.name, dog!.legs, dog!.goodBoy]).to.deep.equal(['Rex', 4, true]);
    const asAnimal = await animals.get('rex').promise;
    expect(asAnimal).to.be.instanceOf(Animal);
    expect(asAnimal!.name).to.equal('Rex');
  });

  it("the parent is not changed by its subclasses' fields", async () => {
    await animals.save(animals.create({ id: 'cat', name: 'Tom' })).promise;
    expect(await primary.hgetall(`${BASE}{cat}`)).to.deep.equal({ name: 'Tom', legs: '4' });
  });

  it('a subclass with its own @Model overrides keyspace, connection, ttl and field options', async () => {
    expect(() => birds.save(birds.create({ id: 'tweety', name: 'Tweety' }))).to.throw(RequiredFieldError);
    await birds.save(birds.create({ id: 'tweety', name: 'Tweety', nickname: 'T', wingspan: 20 })).promise;
    expect(await secondary.hgetall(`${BIRDS}{tweety}`)).to.deep.equal({ name: 'Tweety', nickname: 'T', legs: '2', wingspan: '20' });
    expect(await secondary.ttl(`${BIRDS}{tweety}`)).to.be.within(55, 60);
    expect(await primary.exists(`${BIRDS}{tweety}`)).to.equal(0);
    // the parent still does not require a nickname
    await animals.save(animals.create({ id: 'plain', name: 'P' })).promise;
  });
});

describe('acceptance: models — required, default, ttl, nx', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
    connect(newClient('secondary'), 'users');
  });
  afterEach(() => reset());

  it('create without a required field fails; removing / nulling / popping it fails; nothing is queued', async () => {
    const pipe = pipeline();
    expect(() => animals.save(animals.create({ id: 'r1' }), pipe)).to.throw(RequiredFieldError);
    expect(() => animals.save(animals.create({ id: 'r1', name: null }), pipe)).to.throw(RequiredFieldError);
    expect(() => animals.update('r1', { name: null, nickname: 'x' }, pipe)).to.throw(RequiredFieldError);
    expect(() => animals.update('r1', { name: undefined, nickname: 'x' } as never, pipe)).to.throw(RequiredFieldError);
    expect(() => animals.remove('r1', ['nickname', 'name'], pipe)).to.throw(RequiredFieldError);
    expect(() => animals.pop('r1', 'name', pipe)).to.throw(RequiredFieldError);
    await pipe.execute();
    expect(await raw.exists(`${BASE}{r1}`)).to.equal(0);
  });

  it('records written before a field became required still load', async () => {
    await raw.hset(`${BASE}{old}`, 'nickname', 'nameless');
    const a = await animals.get('old').promise;
    expect(a).to.be.instanceOf(Animal);
    expect(a!.nickname).to.equal('nameless');
    expect(a!.name).to.equal(undefined);
    // and an update that does not touch the required field still works
    await animals.update('old', { nickname: 'still nameless' }).promise;
    expect(await raw.hget(`${BASE}{old}`, 'nickname')).to.equal('still nameless');
  });

  it('a default (value or factory) is written on save when unset and read when the record lacks it', async () => {
    await raw.hset(`${BASE}{d1}`, 'name', 'Old');
    const d = await dogs.get('d1').promise;
    expect([d!.legs, d!.goodBoy]).to.deep.equal([4, true]);
    await dogs.save(dogs.create({ id: 'd2', name: 'New', legs: 3, goodBoy: false })).promise;
    expect(await raw.hgetall(`${BASE}{d2}`)).to.deep.equal({ name: 'New', legs: '3', goodBoy: '' });
  });

  it('ttl: every save sets it; a model without ttl leaves the record persistent', async () => {
    await birds.save(birds.create({ id: 't1', name: 'a', nickname: 'b' })).promise;
    expect(await birds.ttl('t1').promise).to.be.within(55, 60);
    await birds.expire('t1', 5).promise;
    await birds.save(birds.create({ id: 't1', name: 'a', nickname: 'c' })).promise;
    expect(await birds.ttl('t1').promise).to.be.within(55, 60);
    await animals.save(animals.create({ id: 't1', name: 'a' })).promise;
    expect(await animals.ttl('t1').promise).to.equal(-1);
  });

  it('save(entity, pipe, { nx: true }) writes only absent fields and then reflects the stored record', async () => {
    await raw.hset(`${BASE}{nx}`, { name: 'Stored', legs: '3' });
    const entity = animals.create({ id: 'nx', name: 'Mine', nickname: 'new' });
    const pipe = pipeline();
    const saved = animals.save(entity, pipe, { nx: true });
    expect(entity.name).to.equal('Mine');
    await pipe.execute();
    expect(await raw.hgetall(`${BASE}{nx}`)).to.deep.equal({ name: 'Stored', legs: '3', nickname: 'new' });
    expect([saved.result.name, saved.result.legs, saved.result.nickname]).to.deep.equal(['Stored', 3, 'new']);
  });
});

describe('acceptance: models — undeclared members and the key field', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('undeclared hash members load as strings and are never dropped by a save', async () => {
    await raw.hset(`${BASE}{u1}`, { name: 'Rex', color: 'brown', age: '7' });
    const a = await animals.get('u1').promise;
    const extra = a as unknown as Record<string, unknown>;
    expect(extra.color).to.equal('brown');
    expect(extra.age).to.equal('7');
    a!.name = 'Rexy';
    await animals.save(a!).promise;
    await animals.save(animals.create({ id: 'u1', name: 'Fresh' })).promise;
    await animals.update('u1', { nickname: 'R' }).promise;
    expect(await raw.hgetall(`${BASE}{u1}`)).to.deep.equal({ name: 'Fresh', color: 'brown', age: '7', legs: '4', nickname: 'R' });
  });

  it("the key field is never written; a hash member named like it is ignored on load", async () => {
    await animals.save(animals.create({ id: 'k1', name: 'K' })).promise;
    expect(await raw.hexists(`${BASE}{k1}`, 'id')).to.equal(0);
    await raw.hset(`${BASE}{k1}`, 'id', 'forged');
    const a = await animals.get('k1').promise;
    expect(a!.id).to.equal('k1');
    await animals.save(a!).promise;
    expect(await raw.hget(`${BASE}{k1}`, 'id')).to.equal('forged');
  });

  it('a custom keyField holds the id', async () => {
    const KS = uniqueKey('C');
    @Model(KS, { keyField: 'sku' })
    class Product {
      sku!: string;
      @Field(Text) title?: string;
    }
    const products = new Repository(Product);
    await products.save(Object.assign(new Product(), { sku: 'A-1', title: 'Hat' })).promise;
    expect(await raw.hgetall(`${KS}{A-1}`)).to.deep.equal({ title: 'Hat' });
    const p = await products.get('A-1').promise;
    expect(p).to.be.instanceOf(Product);
    expect([p!.sku, p!.title]).to.deep.equal(['A-1', 'Hat']);
    expect(() => products.save(Object.assign(new Product(), { title: 'no id' }))).to.throw(MissingIdError);
  });

  it('an entity without a usable id, or an id with braces, is refused before anything is queued', () => {
    const pipe = pipeline();
    expect(() => animals.save(animals.create({ name: 'no id' }), pipe)).to.throw(MissingIdError);
    expect(() => animals.save(animals.create({ id: '', name: 'empty' }), pipe)).to.throw(MissingIdError);
    expect(() => animals.save(animals.create({ id: 'a{b}', name: 'brace' }), pipe)).to.throw();
    expect(() => animals.get('a}b', pipe)).to.throw();
  });

  it('writing a property that is not a field, or the key field, is refused', () => {
    expect(() => animals.update('x', { id: 'y' } as never)).to.throw();
    expect(() => animals.update('x', { color: 'y' } as never)).to.throw();
  });
});

describe('acceptance: models — defining a model wrongly throws when the class is defined', () => {
  const bad = (fn: () => unknown) => expect(fn).to.throw(ModelDefinitionError);

  it('no keyspace', () => {
    bad(() => {
      @Model('')
      class NoKeyspace {
        @Field(Text) a?: string;
      }
      return NoKeyspace;
    });
    bad(() => {
      @Model(undefined as unknown as string)
      class NoKeyspace {}
      return NoKeyspace;
    });
  });

  it('a field without a type', () => {
    bad(() => {
      @Model(uniqueKey('X'))
      class NoType {
        @Field(undefined as unknown as Codec<string>) a?: string;
      }
      return NoType;
    });
  });

  it('two properties on one hash member', () => {
    bad(() => {
      @Model(uniqueKey('X'))
      class Twice {
        @Field(Text) a?: string;
        @Field(Text, { name: 'a' }) b?: string;
      }
      return Twice;
    });
    bad(() => {
      class Child extends Animal {
        @Field(Text, { name: 'name' }) title?: string;
      }
      return Child;
    });
  });

  it('the key field declared as a field', () => {
    bad(() => {
      @Model(uniqueKey('X'))
      class KeyAsField {
        @Field(Text) id?: string;
      }
      return KeyAsField;
    });
    bad(() => {
      @Model(uniqueKey('X'), { keyField: 'code' })
      class KeyAsField {
        @Field(Text) code?: string;
      }
      return KeyAsField;
    });
    bad(() => {
      @Model(uniqueKey('X'))
      class KeyAsMember {
        @Field(Text, { name: 'id' }) other?: string;
      }
      return KeyAsMember;
    });
  });

  it('a bad ttl or a keyspace with braces', () => {
    for (const ttl of [0, -1, 1.5, NaN]) {
      bad(() => {
        @Model(uniqueKey('X'), { ttl })
        class BadTtl {}
        return BadTtl;
      });
    }
    bad(() => {
      @Model('U{x}')
      class Braces {}
      return Braces;
    });
  });
});
