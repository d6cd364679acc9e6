// Values exactly as Python redpipe 4.x writes them (its fields' encode(), stored with a plain client) read
// back through StringKeyspace subclasses with the matching value codec; and the other way round, the
// bytes this package writes, read raw, as Python redpipe writes (or reads) them.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { BooleanField, Dict, Float, Integer, List, StringList, type Codec } from '../../lib/codecs/index.js';
import { StringKeyspace } from '../../lib/keyspaces/index.js';
import { connect, reset } from '../../lib/pipeline/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

/** A StringKeyspace subclass with a unique prefix and this value codec. */
function kind<V>(codec: Codec<V>): typeof StringKeyspace<V> {
  return class extends StringKeyspace<V> {
    static override keyspace = uniqueKey('Py');
    static override valueCodec = codec;
  };
}

/** One fixture: what Python redpipe's field stores for a value, and the equal JavaScript value. */
interface Fixture {
  field: string;
  codec: Codec<unknown>;
  python: string;
  value: unknown;
  /** Whether this package writes the very same bytes (JSON spacing and escapes differ for List/Dict). */
  sameBytes: boolean;
}

/** A value for a test title (numbers as JavaScript prints them, so Infinity is not `null`). */
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

const fixtures: Fixture[] = [
  { field: 'BooleanField', codec: BooleanField, python: '', value: false, sameBytes: true },
  { field: 'BooleanField', codec: BooleanField, python: '1', value: true, sameBytes: true },
  { field: 'IntegerField', codec: Integer, python: '5', value: 5, sameBytes: true },
  { field: 'IntegerField', codec: Integer, python: '-9007199254740991', value: -9007199254740991, sameBytes: true },
  { field: 'FloatField', codec: Float, python: '1e+16', value: 1e16, sameBytes: true },
  { field: 'FloatField', codec: Float, python: '1e-05', value: 1e-5, sameBytes: true },
  { field: 'FloatField', codec: Float, python: '0.30000000000000004', value: 0.1 + 0.2, sameBytes: true },
  { field: 'FloatField', codec: Float, python: '2.5', value: 2.5, sameBytes: true },
  { field: 'FloatField', codec: Float, python: '3', value: 3, sameBytes: true },
  { field: 'FloatField', codec: Float, python: 'inf', value: Infinity, sameBytes: true },
  { field: 'ListField', codec: List, python: '[1, "a"]', value: [1, 'a'], sameBytes: false },
  { field: 'ListField', codec: List, python: '[{"k": [true, null]}, 1.5, "\\u00e9"]', value: [{ k: [true, null] }, 1.5, 'é'], sameBytes: false },
  { field: 'DictField', codec: Dict, python: '{"a": 1}', value: { a: 1 }, sameBytes: false },
  { field: 'DictField', codec: Dict, python: '{"a": 1, "b": "\\u00e9"}', value: { a: 1, b: 'é' }, sameBytes: false },
  { field: 'StringListField', codec: StringList, python: 'a,b,c', value: ['a', 'b', 'c'], sameBytes: true },
];

describe('Python redpipe fixtures through StringKeyspace', () => {
  let raw: Redis;
  before(() => {
    raw = newClient('primary');
  });
  beforeEach(() => {
    reset();
    connect(newClient('primary'));
  });
  after(() => reset());

  it('the Dict fixture holds the literal backslash-u escape, as Python’s json.dumps writes it', () => {
    const dict = fixtures.find((f) => f.field === 'DictField' && f.python.includes('b'));
    expect(dict?.python).to.equal('{"a": 1, "b": "\\u00e9"}');
    expect(dict?.python.length).to.equal(23);
    expect(dict?.python.includes('é')).to.equal(false);
  });

  for (const { field, codec, python, value, sameBytes } of fixtures) {
    it(`${field} ${JSON.stringify(python)} (stored by Python) reads as ${show(value)}`, async () => {
      const S = kind(codec);
      await raw.set(`${String(S.keyspace)}{1}`, python);
      await raw.set(`${String(S.keyspace)}{2}`, python);
      expect(await new S('1').get().promise).to.deep.equal(value);
      expect(await new S('1').mget('2').promise).to.deep.equal([value, value]);
    });

    it(`${field} ${show(value)} written here is ${sameBytes ? 'byte for byte what Python writes' : 'JSON that Python’s json.loads reads as equal'}`, async () => {
      const S = kind(codec);
      expect(await new S('1').set(value).promise).to.equal(true);
      const stored = await raw.get(`${String(S.keyspace)}{1}`);
      if (sameBytes) {
        expect(stored).to.equal(python);
      } else {
        expect(JSON.parse(String(stored))).to.deep.equal(JSON.parse(python));
        expect(stored, 'compact JSON, no spaces').to.not.match(/[,:] /);
      }
    });
  }

  it('values Python reads with its own rules: "" and "0" are false to both, "true" is true', async () => {
    const S = kind(BooleanField);
    await raw.mset(`${String(S.keyspace)}{a}`, '0', `${String(S.keyspace)}{b}`, 'true', `${String(S.keyspace)}{c}`, 'False');
    expect(await new S('a').mget(['b', 'c', 'missing']).promise).to.deep.equal([false, true, false, null]);
  });

  it('an empty StringList is stored as "" (Python 4.x writes b"" too) and Python’s "a,,b" reads without empty items', async () => {
    const S = kind(StringList);
    expect(await new S('1').set([]).promise).to.equal(true);
    expect(await raw.get(`${String(S.keyspace)}{1}`)).to.equal('');
    await raw.set(`${String(S.keyspace)}{2}`, 'a,,b');
    expect(await new S('1').mget('2').promise).to.deep.equal([[], ['a', 'b']]);
  });
});
