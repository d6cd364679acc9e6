// Acceptance: user-defined codecs as the issue spells them ("an object with encode/decode"), and
// class-transformer @Type-d nested classes written back (create, load + save, update).
import { expect } from 'chai';
import { Type } from 'class-transformer';
import type { Redis } from 'ioredis';
import {
  Entity,
  Field,
  InvalidValueError,
  Json,
  List,
  Model,
  ModelDefinitionError,
  Repository,
  Text,
  connect,
  custom,
  pipeline,
  reset,
  type JsonValue,
} from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

/** A user codec with no name: an object with encode / decode, as the issue describes it. */
const Upper = {
  encode(value: string): string {
    if (typeof value !== 'string') throw new TypeError('not a string');
    return value.toUpperCase();
  },
  decode(raw: string | Buffer): string {
    return raw.toString().toLowerCase();
  },
};
const Cents = custom<number>({
  name: 'Cents',
  encode: (euros) => {
    if (!Number.isFinite(euros)) throw new Error('not a finite amount');
    return String(Math.round(euros * 100));
  },
  decode: (raw) => {
    const cents = Number(raw.toString());
    if (!Number.isSafeInteger(cents)) throw new Error('not cents');
    return cents / 100;
  },
});

class Tag {
  label!: string;
  shout(): string {
    return this.label.toUpperCase();
  }
}

const KS = uniqueKey('CO');
@Model(KS)
class Order extends Entity {
  id!: string;
  @Field(Upper) code?: string;
  @Field({ encode: (n: number) => n.toString(16), decode: (raw) => parseInt(raw.toString(), 16) }) hex?: number;
  @Field(Cents) price?: number;
  @Type(() => Tag) @Field(Json<Tag>()) main?: Tag;
  @Type(() => Tag) @Field(List) tags?: Tag[];
  @Field(Text) note?: string;
}
const orders = new Repository(Order);
const key = (id: string) => `${KS}{${id}}`;

describe('acceptance: models — user codecs and nested classes', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('an object with encode / decode (no name) is a field type, both ways', async () => {
    await orders.save(orders.create({ id: 'o1', code: 'abc', hex: 255, price: 12.34 })).promise;
    expect(await raw.hgetall(key('o1'))).to.deep.equal({ code: 'ABC', hex: 'ff', price: '1234' });
    const o = await orders.get('o1').promise;
    expect([o!.code, o!.hex, o!.price]).to.deep.equal(['abc', 255, 12.34]);
    expect(await Order.core('o1').hget('hex').promise).to.equal(255);
  });

  it("a user codec's refusal is an InvalidValueError naming the field; nothing queued", async () => {
    const pipe = pipeline();
    const bad = orders.create({ id: 'o2', note: 'n' });
    (bad as unknown as Record<string, unknown>).code = 42;
    expect(() => orders.save(bad, pipe)).to.throw(InvalidValueError, /code/);
    expect(() => orders.update('o2', { price: Infinity }, pipe)).to.throw(InvalidValueError, /price/);
    await pipe.execute();
    expect(await raw.exists(key('o2'))).to.equal(0);
  });

  it("a user codec's decode failure fails the read, naming key, member and raw", async () => {
    await raw.hset(key('o3'), 'price', 'twelve');
    const error = await orders.get('o3').promise.then(() => undefined, (e: unknown) => e as Error);
    const text = [error, (error as { cause?: Error } | undefined)?.cause].map((e) => e?.message ?? '').join(' ');
    expect(text).to.include(key('o3')).and.include('price').and.include('twelve');
  });

  it('@Type-d nested classes: create() builds them, save writes them, get() brings them back as the class', async () => {
    const o = orders.create({ id: 'o4', main: { label: 'a' } as Tag, tags: [{ label: 'b' }, { label: 'c' }] as Tag[] });
    expect(o.main).to.be.instanceOf(Tag);
    await orders.save(o).promise;
    expect(JSON.parse((await raw.hget(key('o4'), 'main'))!)).to.deep.equal({ label: 'a' });
    expect(JSON.parse((await raw.hget(key('o4'), 'tags'))!)).to.deep.equal([{ label: 'b' }, { label: 'c' }]);
    const back = await orders.get('o4').promise;
    expect(back!.main).to.be.instanceOf(Tag);
    expect(back!.tags!.map((t) => t.shout())).to.deep.equal(['B', 'C']);
    back!.note = 'edited';
    await orders.save(back!).promise;
    await orders.update('o4', { main: Object.assign(new Tag(), { label: 'z' }) }).promise;
    expect((await orders.get('o4').promise)!.main!.shout()).to.equal('Z');
  });

  it('a class instance in a Json field without @Type is still refused (it would not come back as the class)', () => {
    @Model(uniqueKey('NT'))
    class Untyped {
      id!: string;
      @Field(Json<Tag>()) main?: Tag;
      @Field(List) items?: JsonValue[];
    }
    const repo = new Repository(Untyped);
    const u = Object.assign(new Untyped(), { id: 'x', main: Object.assign(new Tag(), { label: 'a' }) });
    expect(() => repo.save(u, pipeline())).to.throw(InvalidValueError);
  });

  it('a subclass without @Model that puts a second property on a parent member fails at definition', () => {
    expect(() => {
      class Child extends Order {
        @Field(Text, { name: 'note' }) remark?: string;
      }
      return Child;
    }).to.throw(ModelDefinitionError);
    expect(() => {
      class Child extends Order {
        @Field(Text) override note?: string; // overriding the same property is fine
      }
      return new Repository(Child);
    }).to.not.throw();
  });
});
