// Records written by Python redpipe 4.x read back equal through a model: each fixture is the exact bytes a
// Python Struct stores (fields.py's encode, json.dumps' ', ' and \u escapes), written with a plain ioredis
// HSET, then loaded with get, getMany and load. The other way round: what we write for each type is what
// Python writes, or (JSON) what json.loads reads.
import { expect } from 'chai';
import {
  Ascii, Binary, BooleanField, Dict, Entity, Field, Float, Integer, List, Model, pipeline, Repository, StringList, Text,
  type JsonObject, type JsonValue,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from './support.js';

const PREFIX = uniqueKey('PY');

/** The Python Struct `fields = {'name': TextField, 'ascii': AsciiField, 'n': IntegerField, …}`. */
@Model(PREFIX)
class PyUser extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Ascii) ascii?: string;
  @Field(Integer) n?: number;
  @Field(Float) f?: number;
  @Field(BooleanField) b?: boolean;
  @Field(List) l?: JsonValue[];
  @Field(Dict) d?: JsonObject;
  @Field(StringList) sl?: string[];
  @Field(Binary) bin?: Buffer;
}

const users = new Repository(PyUser);

/** [stored member, exact bytes Python wrote, value it must read as] */
const FIXTURES: readonly [keyof PyUser & string, string | Buffer, unknown][] = [
  ['name', Buffer.from('68c3a96c6c6f', 'hex'), 'héllo'],
  ['name', Buffer.from('f09f9880206173747261', 'hex'), '😀 astra'],
  ['name', '', ''],
  ['ascii', 'user-42 ~', 'user-42 ~'],
  ['n', '5', 5],
  ['n', '1e3', 1000],
  ['n', '-42', -42],
  ['n', '3.0', 3],
  ['n', '9007199254740991', 9007199254740991],
  ['f', '1e+16', 1e16],
  ['f', '1e-05', 1e-5],
  ['f', '0.30000000000000004', 0.1 + 0.2],
  ['f', 'inf', Infinity],
  ['f', '-inf', -Infinity],
  ['f', '-0', -0],
  ['f', '5', 5],
  ['f', '5e-324', 5e-324],
  ['f', '1.7976931348623157e+308', Number.MAX_VALUE],
  ['b', '', false],
  ['b', '1', true],
  ['l', '[1, "a"]', [1, 'a']],
  ['l', '[]', []],
  ['l', '[1.5, null, true, {"x": [2, "\\u00fc"]}]', [1.5, null, true, { x: [2, 'ü'] }]],
  ['l', '["\\ud83d\\ude00", NaN, Infinity, -Infinity]', ['😀', NaN, Infinity, -Infinity]],
  ['d', '{"a": 1, "b": "\\u00e9"}', { a: 1, b: 'é' }],
  ['d', '{}', {}],
  ['d', '{"nested": {"k": ["\\ud83d\\ude00", 1e+16]}, "neg": -0.0}', { nested: { k: ['😀', 1e16] }, neg: -0 }],
  ['sl', 'a,b,c', ['a', 'b', 'c']],
  ['sl', '', []],
  ['sl', 'one', ['one']],
  ['bin', Buffer.from([0, 1, 0x7f, 0x80, 0xfe, 0xff]), Buffer.from([0, 1, 0x7f, 0x80, 0xfe, 0xff])],
  ['bin', Buffer.alloc(0), Buffer.alloc(0)],
];

describe('models: records written by Python redpipe read back equal', () => {
  const servers = useServers();

  it('every fixture, one member per record, through get, getMany and load in one pipeline', async () => {
    const setup = servers.primary.pipeline();
    FIXTURES.forEach(([member, bytes], i) => setup.hset(users.key(`f${i}`), member, bytes));
    await setup.exec();
    const pipe = pipeline();
    const ids = FIXTURES.map((_, i) => `f${i}`);
    const got = ids.map((id) => users.get(id, pipe));
    const many = users.getMany(ids, pipe);
    const loaded = FIXTURES.map(([member], i) => users.load(ids[i], [member], pipe));
    await pipe.execute();
    FIXTURES.forEach(([member, bytes, value], i) => {
      const label = `${member} ${JSON.stringify(bytes.toString())}`;
      for (const entity of [got[i].result, many.result[i], loaded[i].result]) {
        expect(entity, label).to.be.instanceOf(PyUser);
        expect({ ...entity }, label).to.deep.equal({ id: ids[i], [member]: value });
      }
    });
  });

  it('a whole Python record (every field at once) reads back equal', async () => {
    await servers.primary.hset(users.key('whole'), {
      name: Buffer.from('héllo', 'utf8'), ascii: 'abc', n: '5', f: '1e-05', b: '1', l: '[1, "a"]',
      d: '{"a": 1, "b": "\\u00e9"}', sl: 'a,b,c', bin: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
    });
    const user = (await users.get('whole').promise)!;
    expect({ ...user }).to.deep.equal({
      id: 'whole', name: 'héllo', ascii: 'abc', n: 5, f: 1e-5, b: true, l: [1, 'a'], d: { a: 1, b: 'é' }, sl: ['a', 'b', 'c'],
      bin: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
    });
  });

  it('what we write is the bytes Python writes (JSON: compact, which json.loads reads alike)', async () => {
    const cases: [Partial<PyUser>, string, string | Buffer][] = [
      [{ name: 'héllo' }, 'name', Buffer.from('héllo', 'utf8')],
      [{ n: 5 }, 'n', '5'],
      [{ n: -42 }, 'n', '-42'],
      [{ f: 1e16 }, 'f', '1e+16'],
      [{ f: 1e-5 }, 'f', '1e-05'],
      [{ f: 0.1 + 0.2 }, 'f', '0.30000000000000004'],
      [{ f: Infinity }, 'f', 'inf'],
      [{ f: 5 }, 'f', '5'],
      [{ b: true }, 'b', '1'],
      [{ b: false }, 'b', ''],
      [{ sl: ['a', 'b', 'c'] }, 'sl', 'a,b,c'],
      [{ sl: [] }, 'sl', ''],
      [{ l: [1, 'a'] }, 'l', '[1,"a"]'],
      [{ d: { a: 1, b: 'é' } }, 'd', '{"a":1,"b":"é"}'],
      [{ bin: Buffer.from([0, 255]) }, 'bin', Buffer.from([0, 255])],
    ];
    const pipe = pipeline();
    cases.forEach(([values], i) => users.save(users.create({ id: `w${i}`, ...values }), pipe));
    await pipe.execute();
    for (const [i, [, member, bytes]] of cases.entries()) {
      const stored = await servers.primary.hgetBuffer(users.key(`w${i}`), member);
      expect(stored, member).to.deep.equal(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'));
    }
  });
});
