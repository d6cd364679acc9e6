// Every field type round-trips its whole domain through real Redis (fast-check): each property run saves
// a batch of entities and reads them back (get, load, the core hash and the raw stored bytes) in ONE
// pipeline, so a run is one round trip.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  BigIntField, coreClass, Float, Integer, pipeline, Text, type Codec, type JsonObject, type JsonValue, type Repository,
} from '../../lib/index.js';
import { everything, Everything, Level, Role, textual, Textual, type Point } from './fields-support.js';
import { useServers } from './support.js';

const RUNS = 60;
let counter = 0;

/**
 * Checks that every value of `values` saved in `field` reads back deep-equal through get, load and the
 * model's core hash, and that Redis holds exactly the codec's encoding.
 */
async function holdsDomain<T extends Everything | Textual, K extends keyof T & string>(
  repo: Repository<T>,
  field: K,
  values: fc.Arbitrary<T[K]>,
  runs = RUNS,
): Promise<void> {
  const codec = repo.meta.fields.get(field)!.codec as Codec<T[K]>;
  const Core = coreClass(repo.model);
  await fc.assert(
    fc.asyncProperty(fc.array(values, { minLength: 1, maxLength: 6 }), async (batch) => {
      const pipe = pipeline();
      const reads = batch.map((value) => {
        const id = `d${++counter}`;
        repo.save(repo.create({ id, [field]: value } as never), pipe);
        return {
          value,
          got: repo.get(id, pipe),
          loaded: repo.load(id, [field] as never, pipe),
          core: new Core(id, pipe).hget(field),
          stored: pipe.callBuffer<Buffer>('hget', repo.key(id), field),
        };
      });
      await pipe.execute();
      for (const { value, got, loaded, core, stored } of reads) {
        expect(got.result![field], 'get').to.deep.equal(value);
        expect(loaded.result![field], 'load').to.deep.equal(value);
        expect(core.result, 'core hget').to.deep.equal(value);
        const encoded = codec.encode(value);
        expect(stored.result, 'stored bytes').to.deep.equal(typeof encoded === 'string' ? Buffer.from(encoded, 'utf8') : encoded);
      }
    }),
    { numRuns: runs },
  );
}

const MAX = Number.MAX_SAFE_INTEGER;
// Text's domain excludes U+FFFD (refused when written: it reads back like invalid UTF-8).
const text = fc.oneof(
  fc.string({ unit: 'binary' }).filter((s) => !s.includes('\uFFFD')),
  fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\uFFFD')),
  fc.constantFrom('', '😀', '𝄞 a 😀 b', '\u0000', 'a\r\nb', '\uFEFFbom', 'é', '\u{10FFFF}'),
);
const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }) as fc.Arbitrary<JsonValue>;
const dict = fc.dictionary(fc.string({ unit: 'binary' }), json, { maxKeys: 6 });
const stringList = fc.array(fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes(',') && !s.includes('\uFFFD')), { maxLength: 6 });
const float = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ noNaN: true, min: -2.2250738585072014e-308, max: 2.2250738585072014e-308 }), // subnormals
  fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE,
    2.2250738585072014e-308, 2.225073858507201e-308, 0.1 + 0.2, 1e16, 1e-5, 1e21, 2 ** 53 + 2, 123456789.12345678),
);

describe('models: every field type round-trips its domain through Redis', () => {
  const servers = useServers();

  it('Text: any string without lone surrogates (astral characters, empty, NUL, BOM), on a binary model', async () => {
    await holdsDomain(everything, 'text', text);
  });

  it('Text, Dict, StringList and Enum on a model without binary fields (string replies)', async () => {
    await holdsDomain(textual, 'text', text);
    await holdsDomain(textual, 'dict', dict, 30);
    await holdsDomain(textual, 'strings', stringList, 30);
    await holdsDomain(textual, 'role', fc.constantFrom(...Object.values(Role)), 10);
  });

  it('Text is stored as its UTF-8 bytes (what Python reads)', async () => {
    const value = 'héllo 😀 𝄞';
    await everything.save(everything.create({ id: 'utf8', text: value })).promise;
    expect(await servers.primary.hgetBuffer(everything.key('utf8'), 'text')).to.deep.equal(Buffer.from(value, 'utf8'));
    expect(Text.encode(value)).to.equal(value);
  });

  it('Ascii: any printable ASCII string', async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    await holdsDomain(everything, 'ascii', fc.oneof(printable, fc.constantFrom('', ' ', '~')));
  });

  it('Binary: any bytes, every byte value 0..255 and the empty buffer', async () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
    await holdsDomain(everything, 'bytes', fc.oneof(bytes, fc.constantFrom(every, Buffer.alloc(0), Buffer.from([0xff, 0xfe, 0x80]))));
    await everything.save(everything.create({ id: 'bytes', bytes: every })).promise;
    expect(await servers.primary.hgetBuffer(everything.key('bytes'), 'bytes')).to.deep.equal(every);
  });

  it('Integer: every safe integer, ±(2^53−1) included; -0 reads back as 0', async () => {
    await holdsDomain(everything, 'int', fc.oneof(fc.maxSafeInteger(), fc.constantFrom(MAX, -MAX, 0, 1, -1)));
    await everything.save(everything.create({ id: 'negzero', int: -0 })).promise;
    expect(Object.is((await everything.get('negzero').promise)!.int, 0)).to.equal(true);
    expect(Integer.encode(-0)).to.equal('0');
  });

  it('BigInt: any bigint, far beyond 64 bits', async () => {
    await holdsDomain(everything, 'big', fc.oneof(fc.bigInt(), fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
      fc.constantFrom(0n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n, BigInt(MAX) + 2n)));
    expect(BigIntField.encode(2n ** 64n)).to.equal('18446744073709551616');
  });

  it('Float: every double but NaN, exactly (subnormals, -0, ±Infinity, extremes)', async () => {
    await holdsDomain(everything, 'float', float, 100);
    expect([Float.encode(-0), Float.encode(Infinity), Float.encode(-Infinity), Float.encode(1e16)]).to.deep.equal(['-0', 'inf', '-inf', '1e+16']);
  });

  it('Boolean: true and false', async () => {
    await holdsDomain(everything, 'flag', fc.boolean(), 10);
  });

  it('List, Dict and Json: any JSON with nested unicode (Json also any top-level scalar but null)', async () => {
    await holdsDomain(everything, 'list', fc.array(json, { maxLength: 5 }));
    await holdsDomain(everything, 'dict', fc.oneof(dict, fc.constant<JsonObject>({ 'é😀': { '𝄞': ['ü', { '': null }] } })));
    await holdsDomain(everything, 'json', json.filter((v) => v !== null));
  });

  it('StringList: lists of non-empty items without commas, [] included', async () => {
    await holdsDomain(everything, 'strings', fc.oneof(stringList, fc.constantFrom<string[]>([], ['😀'], [' ', 'a b'])));
  });

  it('DateTime: every valid Date, stored as epoch milliseconds', async () => {
    await holdsDomain(everything, 'when', fc.oneof(fc.date({ noInvalidDate: true }),
      fc.constantFrom(new Date(0), new Date(8.64e15), new Date(-8.64e15), new Date(-1))));
    await everything.save(everything.create({ id: 'date', when: new Date(1700000000123) })).promise;
    expect(await servers.primary.hget(everything.key('date'), 'when')).to.equal('1700000000123');
  });

  it('Enum: every value of a string enum and of a list (the empty string included)', async () => {
    await holdsDomain(everything, 'role', fc.constantFrom(...Object.values(Role)), 20);
    await holdsDomain(everything, 'level', fc.constantFrom<Level>('low', 'mid', 'high', ''), 20);
  });

  it('a custom codec: points with any safe integer coordinates', async () => {
    const point: fc.Arbitrary<Point> = fc.record({ x: fc.maxSafeInteger(), y: fc.maxSafeInteger() });
    await holdsDomain(everything, 'point', point);
    await everything.save(everything.create({ id: 'pt', point: { x: -3, y: 4 } })).promise;
    expect(await servers.primary.hget(everything.key('pt'), 'point')).to.equal('-3;4');
  });

  it('all fields of one entity at once round-trip together', async () => {
    const all = fc.record({
      text, ascii: fc.constantFrom('', 'abc'), bytes: fc.uint8Array().map((a) => Buffer.from(a)), int: fc.maxSafeInteger(), big: fc.bigInt(),
      float, flag: fc.boolean(), list: fc.array(json, { maxLength: 3 }), dict, json: json.filter((v) => v !== null), strings: stringList,
      when: fc.date({ noInvalidDate: true }), role: fc.constantFrom(...Object.values(Role)), level: fc.constantFrom<Level>('low', ''),
      point: fc.record({ x: fc.integer(), y: fc.integer() }),
    });
    await fc.assert(fc.asyncProperty(all, async (values) => {
      const id = `all${++counter}`;
      const pipe = pipeline();
      everything.save(everything.create({ id, ...values }), pipe);
      const back = everything.get(id, pipe);
      await pipe.execute();
      expect({ ...back.result }).to.deep.equal({ id, ...values });
    }), { numRuns: 40 });
  });
});
