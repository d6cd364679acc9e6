// Acceptance: every field type round-trips its domain through real Redis (fast-check), and refuses
// out-of-domain values when queued, with nothing queued.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import {
  Ascii,
  BigIntField,
  Binary,
  BooleanField,
  DateTime,
  Dict,
  Entity,
  Enum,
  Field,
  Float,
  Integer,
  InvalidValueError,
  Json,
  List,
  Model,
  Repository,
  StringList,
  Text,
  connect,
  custom,
  pipeline,
  reset,
  type JsonObject,
  type JsonValue,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

enum Role {
  Admin = 'admin',
  Member = 'member',
}
interface Point {
  x: number;
  y: number;
}
const PointCodec = custom<Point>({
  name: 'Point',
  encode: (p) => {
    if (!Number.isInteger(p.x) || !Number.isInteger(p.y)) throw new Error('integers only');
    return `${p.x};${p.y}`;
  },
  decode: (raw) => {
    const [x, y] = String(raw).split(';').map(Number);
    return { x: x!, y: y! };
  },
});
interface Settings {
  theme: string;
  tags: string[];
  nested: { deep: JsonValue };
}

const KS = uniqueKey('T');
@Model(KS)
class Everything extends Entity {
  id!: string;
  @Field(Text) text?: string;
  @Field(Ascii) ascii?: string;
  @Field(Binary) bin?: Buffer;
  @Field(Integer) int?: number;
  @Field(Float) float?: number;
  @Field(BooleanField) bool?: boolean;
  @Field(List) list?: JsonValue[];
  @Field(Dict) dict?: JsonObject;
  @Field(StringList) strings?: string[];
  @Field(DateTime) date?: Date;
  @Field(BigIntField) big?: bigint;
  @Field(Json<Settings>()) settings?: Settings;
  @Field(Enum(Role)) role?: Role;
  @Field(Enum(['red', 'green'] as const)) color?: 'red' | 'green';
  @Field(PointCodec) point?: Point;
}
type Fields = Omit<Everything, 'id'>;
const repo = new Repository(Everything);
let counter = 0;

/** Saves one entity holding `field = value`, reads it back through a second pipeline. */
async function roundTrip<K extends keyof Fields>(field: K, value: Fields[K]): Promise<Fields[K] | undefined> {
  const id = `rt${++counter}`;
  const entity = repo.create({ id, [field]: value } as never);
  await repo.save(entity).promise;
  const back = await repo.get(id).promise;
  expect(back, `record ${id}`).to.be.instanceOf(Everything);
  return back![field];
}

const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as JsonValue);
const runs = { numRuns: 60 };

describe('acceptance: models — field types round-trip through Redis', () => {
  beforeEach(() => {
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('Text: any unicode string incl. astral characters and the empty string', async () => {
    for (const s of ['', 'a', 'é', '😀', '𝄞 music', '\u0000nul', 'line\r\nbreak', '中文', 'x'.repeat(10000)]) {
      expect(await roundTrip('text', s)).to.equal(s);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }).filter((s) => !s.includes('\ufffd')), async (s) => {
        expect(await roundTrip('text', s)).to.equal(s);
      }),
      runs,
    );
  });

  it('Ascii: printable ASCII', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), async (s) => {
        expect(await roundTrip('ascii', s)).to.equal(s);
      }),
      runs,
    );
  });

  it('Binary: every byte, the empty buffer, bytes that are not UTF-8', async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(Buffer.compare((await roundTrip('bin', all))!, all)).to.equal(0);
    expect((await roundTrip('bin', Buffer.alloc(0)))!.length).to.equal(0);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const back = await roundTrip('bin', Buffer.from(bytes));
        expect(Buffer.isBuffer(back)).to.equal(true);
        expect([...back!]).to.deep.equal([...bytes]);
      }),
      runs,
    );
  });

  it('Integer: every safe integer, ±(2^53−1) included', async () => {
    for (const n of [0, -0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(await roundTrip('int', n)).to.equal(n === 0 ? 0 : n);
    }
    await fc.assert(
      fc.asyncProperty(fc.maxSafeInteger(), async (n) => {
        expect(await roundTrip('int', n)).to.equal(n);
      }),
      runs,
    );
  });

  it('Float: every finite double exactly (subnormals, extremes, -0) and ±Infinity', async () => {
    const edges = [0, -0, 0.1, 1 / 3, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1e16, 1e-5, 2 ** 53 + 2, Infinity, -Infinity];
    for (const x of edges) expect(Object.is(await roundTrip('float', x), x), String(x)).to.equal(true);
    await fc.assert(
      fc.asyncProperty(fc.double({ noNaN: true }), async (x) => {
        expect(Object.is(await roundTrip('float', x), x), String(x)).to.equal(true);
      }),
      { numRuns: 150 },
    );
  });

  it('Boolean: true and false', async () => {
    expect(await roundTrip('bool', true)).to.equal(true);
    expect(await roundTrip('bool', false)).to.equal(false);
  });

  it('List / Dict / Json<T>: nested JSON with unicode', async () => {
    expect(await roundTrip('list', [])).to.deep.equal([]);
    expect(await roundTrip('dict', {})).to.deep.equal({});
    const settings: Settings = { theme: 'dark 🌙', tags: ['é', '\u2028', '"q"', '\\'], nested: { deep: [null, { a: [1.5, -2] }] } };
    expect(await roundTrip('settings', settings)).to.deep.equal(settings);
    await fc.assert(
      fc.asyncProperty(fc.array(json), fc.dictionary(fc.string({ unit: 'binary' }), json), async (list, dict) => {
        expect(await roundTrip('list', list)).to.deep.equal(list);
        expect(await roundTrip('dict', dict)).to.deep.equal(dict);
      }),
      { numRuns: 40 },
    );
  });

  it('StringList: items without commas, and the empty list', async () => {
    expect(await roundTrip('strings', [])).to.deep.equal([]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes(',') && !s.includes('\ufffd'))), async (items) => {
        expect(await roundTrip('strings', items)).to.deep.equal(items);
      }),
      runs,
    );
  });

  it('DateTime: every valid date to the millisecond, before 1970 too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ noInvalidDate: true }), async (d) => {
        const back = await roundTrip('date', d);
        expect(back).to.be.instanceOf(Date);
        expect(back!.getTime()).to.equal(d.getTime());
      }),
      runs,
    );
  });

  it('BigInt: any bigint, far beyond 2^64', async () => {
    for (const b of [0n, -1n, 2n ** 53n + 1n, -(2n ** 200n)]) expect(await roundTrip('big', b)).to.equal(b);
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: -(2n ** 256n), max: 2n ** 256n }), async (b) => {
        expect(await roundTrip('big', b)).to.equal(b);
      }),
      runs,
    );
  });

  it('string enums, literal-union enums and custom codecs', async () => {
    expect(await roundTrip('role', Role.Admin)).to.equal(Role.Admin);
    expect(await roundTrip('color', 'green')).to.equal('green');
    expect(await roundTrip('point', { x: -3, y: 4 })).to.deep.equal({ x: -3, y: 4 });
  });
});

describe('acceptance: models — out-of-domain values are refused when queued', () => {
  let raw: Redis;
  let proxy: RoundTripProxy;
  beforeEach(async () => {
    raw = newClient('primary');
    proxy = await startProxy('primary');
    reset();
    connect(await clientThroughProxy(proxy));
  });
  afterEach(() => reset());

  const bad: [keyof Fields, unknown][] = [
    ['text', 5],
    ['text', '\ud800'],
    ['ascii', 'é'],
    ['ascii', 'tab\there'],
    ['bin', 'not a buffer'],
    ['int', 2 ** 53],
    ['int', -(2 ** 53)],
    ['int', 1.5],
    ['int', NaN],
    ['int', Infinity],
    ['int', '5'],
    ['int', 5n],
    ['float', NaN],
    ['float', '1.5'],
    ['bool', 'true'],
    ['bool', 1],
    ['list', [1, NaN]],
    ['list', [Infinity]],
    ['list', { not: 'a list' }],
    ['dict', { a: -Infinity }],
    ['dict', [1, 2]],
    ['strings', ['a,b']],
    ['strings', ['']],
    ['strings', 'a'],
    ['date', new Date(NaN)],
    ['date', 1700000000000],
    ['big', 5],
    ['role', 'root'],
    ['color', 'blue'],
    ['point', { x: 1.5, y: 0 }],
  ];

  for (const [field, value] of bad) {
    it(`${field} refuses ${typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? String(value)} on save and update; nothing queued`, async () => {
      const id = `bad${++counter}`;
      const pipe = pipeline();
      const entity = repo.create({ id, text: 'other fields must not be written either' });
      (entity as unknown as Record<string, unknown>)[field] = value;
      expect(() => repo.save(entity, pipe)).to.throw(InvalidValueError);
      expect(() => repo.update(id, { text: 'x', [field]: value } as never, pipe)).to.throw(InvalidValueError);
      await pipe.execute();
      expect(proxy.roundTrips).to.equal(0);
      expect(await raw.exists(`${KS}{${id}}`)).to.equal(0);
    });
  }

  it('the error names the model/field (or key) and the reason', () => {
    const entity = repo.create({ id: 'named', int: 2 ** 53 });
    try {
      repo.save(entity, pipeline());
      expect.fail('save should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(InvalidValueError);
      expect((error as Error).message).to.match(/Integer/).and.match(/int/);
    }
  });
});
