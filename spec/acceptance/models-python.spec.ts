// Acceptance: wire formats shared with Python redpipe 4.x (DESIGN §4c). Fixtures are the exact bytes
// Python redpipe writes (repr() for numbers, json.dumps with its default separators and \u escapes,
// '1'/'' for booleans, ','-joined string lists); values we write must be what §4c says; undecodable
// values fail the read with an error naming key, member and raw value.
import { expect } from 'chai';
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
  List,
  Model,
  Repository,
  StringList,
  Text,
  connect,
  reset,
  type JsonObject,
  type JsonValue,
} from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

const KS = uniqueKey('PY');
@Model(KS)
class PyUser extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Text, { name: 'last_name' }) lastName?: string;
  @Field(Integer, { name: 'last_seen' }) lastSeen?: number;
  @Field(BooleanField) admin?: boolean;
  @Field(Ascii) code?: string;
  @Field(Binary) blob?: Buffer;
  @Field(Float) ratio?: number;
  @Field(List) list?: JsonValue[];
  @Field(Dict) dict?: JsonObject;
  @Field(StringList) tags?: string[];
  @Field(DateTime) at?: Date;
  @Field(BigIntField) big?: bigint;
  @Field(Enum(['red', 'green'] as const)) color?: 'red' | 'green';
}
const repo = new Repository(PyUser);
let n = 0;

describe('acceptance: models — data written by Python redpipe reads back equal', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  /** Writes `member = bytes` as Python would, returns the property read through the model. */
  async function read(member: string, bytes: string | Buffer): Promise<PyUser> {
    const id = `py${++n}`;
    await raw.hset(`${KS}{${id}}`, member, bytes);
    const u = await repo.get(id).promise;
    expect(u).to.be.instanceOf(PyUser);
    return u!;
  }

  it('TextField: UTF-8 bytes, astral characters, the empty string', async () => {
    expect((await read('name', Buffer.from('Jöhn 😀 中', 'utf8'))).name).to.equal('Jöhn 😀 中');
    expect((await read('name', '')).name).to.equal('');
    expect((await read('last_name', 'Smith')).lastName).to.equal('Smith');
  });

  it('AsciiField and BinaryField (every byte)', async () => {
    expect((await read('code', ' ~AZaz09')).code).to.equal(' ~AZaz09');
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i));
    expect(Buffer.compare((await read('blob', all)).blob!, all)).to.equal(0);
  });

  it("IntegerField: repr(int), and Python's '1e3' / '3.0' forms", async () => {
    const cases: [string, number][] = [['42', 42], ['-42', -42], ['0', 0], ['9007199254740991', 2 ** 53 - 1], ['-9007199254740991', -(2 ** 53 - 1)], ['1e3', 1000], ['3.0', 3]];
    for (const [bytes, value] of cases) expect((await read('last_seen', bytes)).lastSeen, bytes).to.equal(value);
  });

  it('FloatField: repr(float) forms incl. 1.0, -0.0, 1e+16, 1e-05, inf, -inf, subnormals, extremes', async () => {
    const cases: [string, number][] = [
      ['0.1', 0.1], ['1.0', 1], ['-0.0', -0], ['3', 3], ['1e+16', 1e16], ['1e-05', 1e-5], ['inf', Infinity], ['-inf', -Infinity],
      ['5e-324', 5e-324], ['1.7976931348623157e+308', Number.MAX_VALUE], ['0.30000000000000004', 0.1 + 0.2], ['2.5E-3', 0.0025],
    ];
    for (const [bytes, value] of cases) expect(Object.is((await read('ratio', bytes)).ratio, value), bytes).to.equal(true);
    expect(Number.isNaN((await read('ratio', 'nan')).ratio)).to.equal(true);
  });

  it("BooleanField: '1' is true, '' is false (and '0' is false, not Python's true)", async () => {
    expect((await read('admin', '1')).admin).to.equal(true);
    expect((await read('admin', '')).admin).to.equal(false);
    expect((await read('admin', '0')).admin).to.equal(false);
    expect((await read('admin', 'true')).admin).to.equal(true);
    expect((await read('admin', 'false')).admin).to.equal(false);
  });

  it('ListField / DictField: json.dumps output (spaced separators, \\u escapes, surrogate pairs, NaN/Infinity tokens)', async () => {
    expect((await read('list', '[1, "\\u00e9", "\\ud83d\\ude00", [true, null], 2.5]')).list).to.deep.equal([1, 'é', '😀', [true, null], 2.5]);
    expect((await read('list', '[]')).list).to.deep.equal([]);
    const inf = (await read('list', '[NaN, Infinity, -Infinity]')).list!;
    expect(Number.isNaN(inf[0])).to.equal(true);
    expect(inf.slice(1)).to.deep.equal([Infinity, -Infinity]);
    expect((await read('dict', '{"a": {"b": [1.5, null, true]}, "\\u4e2d": "\\u00fc"}')).dict).to.deep.equal({ a: { b: [1.5, null, true] }, 中: 'ü' });
  });

  it('StringListField: comma-joined', async () => {
    expect((await read('tags', 'a,b,c')).tags).to.deep.equal(['a', 'b', 'c']);
    expect((await read('tags', 'only')).tags).to.deep.equal(['only']);
    expect((await read('tags', '')).tags).to.deep.equal([]);
  });

  it("the seed's Python User record reads back field by field", async () => {
    await raw.hset(`${KS}{1}`, { name: 'Bob', last_seen: '1500000000', admin: '1' });
    const u = await repo.get('1').promise;
    expect([u!.id, u!.name, u!.lastSeen, u!.admin]).to.deep.equal(['1', 'Bob', 1500000000, true]);
  });
});

describe('acceptance: models — what we write is what §4c says (Python reads it)', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  async function written(data: Record<string, unknown>): Promise<Record<string, Buffer>> {
    const id = `w${++n}`;
    await repo.save(repo.create({ id, ...data })).promise;
    return raw.hgetallBuffer(`${KS}{${id}}`);
  }
  const s = (b: Buffer | undefined) => b?.toString('utf8');

  it('Text UTF-8, Ascii, Binary bytes, Integer digits, BigInt digits', async () => {
    const bin = Buffer.from([0, 255, 128, 10]);
    const w = await written({ name: 'Jöhn 😀', lastName: 'x', code: 'A~', blob: bin, lastSeen: -42, big: -(2n ** 70n) });
    expect(w.name).to.deep.equal(Buffer.from('Jöhn 😀', 'utf8'));
    expect(s(w.last_name)).to.equal('x');
    expect(s(w.code)).to.equal('A~');
    expect(w.blob).to.deep.equal(bin);
    expect(s(w.last_seen)).to.equal('-42');
    expect(s(w.big)).to.equal((-(2n ** 70n)).toString());
    expect(w).to.not.have.property('id');
    expect(w).to.not.have.property('lastName');
  });

  it("Float: shortest round-trip form; -0 as '-0'; ±Infinity as 'inf' / '-inf'", async () => {
    const pyFloat = /^-?(inf|nan|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)$/;
    const cases: [number, string | null][] = [[1.5, '1.5'], [-0, '-0'], [Infinity, 'inf'], [-Infinity, '-inf'], [0.1, '0.1'], [1e16, null], [5e-324, null], [1e-5, null]];
    for (const [x, want] of cases) {
      const got = s((await written({ ratio: x })).ratio)!;
      if (want !== null) expect(got, String(x)).to.equal(want);
      expect(got, String(x)).to.match(pyFloat);
      expect(Object.is(Number(got.replace('inf', 'Infinity')), x), got).to.equal(true);
    }
  });

  it("Boolean '1' / ''; StringList comma-joined, [] as ''; DateTime epoch milliseconds; List/Dict JSON", async () => {
    expect(s((await written({ admin: true })).admin)).to.equal('1');
    expect(s((await written({ admin: false })).admin)).to.equal('');
    expect(s((await written({ tags: ['a', 'b c', 'ü'] })).tags)).to.equal('a,b c,ü');
    expect(s((await written({ tags: [] })).tags)).to.equal('');
    expect(s((await written({ at: new Date(1700000000123) })).at)).to.equal('1700000000123');
    expect(s((await written({ at: new Date(-1) })).at)).to.equal('-1');
    expect(JSON.parse(s((await written({ list: [1, 'é', { a: null }] })).list)!)).to.deep.equal([1, 'é', { a: null }]);
    expect(JSON.parse(s((await written({ dict: { k: ['😀'] } })).dict)!)).to.deep.equal({ k: ['😀'] });
  });
});

describe('acceptance: models — an undecodable stored value fails the read, naming key, member and raw', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  const messages = (error: unknown): string => {
    const parts: string[] = [];
    for (let e = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) parts.push(e.message);
    return parts.join(' | ');
  };

  const cases: [string, string | Buffer, string][] = [
    ['last_seen', 'abc', 'abc'],
    ['last_seen', '12x', '12x'],
    ['ratio', 'one point five', 'one point five'],
    ['list', '[1, 2', '[1, 2'],
    ['dict', '{"a": }', '{"a": }'],
    ['at', 'yesterday', 'yesterday'],
    ['big', '1.5x', '1.5x'],
    ['color', 'purple', 'purple'],
    ['name', Buffer.from([0x66, 0xff, 0xfe]), 'f'],
  ];
  for (const [member, bytes, shown] of cases) {
    it(`${member} = ${JSON.stringify(bytes.toString())}`, async () => {
      const id = `bad${++n}`;
      await raw.hset(`${KS}{${id}}`, member, bytes);
      const error = await repo.get(id).promise.then(
        (u) => expect.fail(`read should fail, got ${JSON.stringify(u && Object.entries(u))}`),
        (e: unknown) => e,
      );
      const text = messages(error);
      expect(text).to.include(`${KS}{${id}}`);
      expect(text).to.include(member);
      expect(text).to.include(JSON.stringify(shown).slice(1, -1)); // the raw value, as text (quoted)
      const load = await repo.load(id, [member === 'last_seen' ? 'lastSeen' : (member as 'name')]).promise.then(
        () => 'resolved',
        () => 'rejected',
      );
      expect(load).to.equal('rejected');
    });
  }
});
