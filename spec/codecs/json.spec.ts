import { expect } from 'chai';
import fc from 'fast-check';
import { Dict, Float, Json, type JsonObject, type JsonValue, List } from '../../lib/codecs/index.js';
import { readPythonJson } from '../../lib/codecs/json-read.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

/** Any UTF-16 code unit, lone surrogates included (JSON escapes can hold them). */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }) as fc.Arbitrary<JsonValue>;
const jsonAnyUnits = fc.jsonValue({ stringUnit: anyUnit, maxDepth: 3 }) as fc.Arbitrary<JsonValue>;

/** Python's `json.dumps` layout: `', '` and `': '`, ASCII-only with `\uXXXX` escapes, floats by repr. */
function pythonDumps(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Object.is(v, -0)) return '-0.0';
    return Number.isSafeInteger(v) ? String(v) : (Float.encode(v) as string);
  }
  if (typeof v === 'string') {
    const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
    let out = '"';
    for (const ch of v.split('')) {
      const code = ch.charCodeAt(0);
      out += esc[ch] ?? (code < 0x20 || code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : ch);
    }
    return `${out}"`;
  }
  if (Array.isArray(v)) return `[${v.map(pythonDumps).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pythonDumps(k)}: ${pythonDumps(x)}`).join(', ')}}`;
}

/** A copy of `v` where every number that is not a safe integer (or is -0) is replaced by 7. */
function integersOnly<T extends JsonValue>(v: T): T {
  if (typeof v === 'number') return (Number.isSafeInteger(v) && !Object.is(v, -0) ? v : 7) as T;
  if (Array.isArray(v)) return v.map(integersOnly) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, integersOnly(x)])) as T;
  }
  return v;
}

class Point {
  constructor(public x = 1) {}
}

describe('codecs: List, Dict and Json', () => {
  it('round-trip any JSON value exactly (unicode, astral, lone surrogates, -0, nesting)', () => {
    fc.assert(
      fc.property(fc.array(json), (list) => {
        expect(roundTrip(List, list)).to.deep.equal(list);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: anyUnit }), jsonAnyUnits), (dict) => {
        expect(roundTrip(Dict, dict as JsonObject)).to.deep.equal(dict);
      }),
      RUNS,
    );
    const Any = Json();
    fc.assert(
      fc.property(jsonAnyUnits, (v) => {
        expect(roundTrip(Any, v)).to.deep.equal(v);
      }),
      RUNS,
    );
    for (const v of [[-0], [{ a: -0 }], [Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER], ['😀', '\uD800', '']]) {
      expect(roundTrip(List, v)).to.deep.equal(v);
    }
  });

  it('write compact JSON, identical to JSON.stringify (with U+FFFD escaped) when every number is a safe integer', () => {
    fc.assert(
      fc.property(fc.array(json), (list) => {
        const ints = integersOnly(list);
        expect(List.encode(ints)).to.equal(JSON.stringify(ints).replace(/\uFFFD/g, '\\ufffd'));
      }),
      RUNS,
    );
    expect(List.encode([1, 'a', { b: null, c: [true] }])).to.equal('[1,"a",{"b":null,"c":[true]}]');
    expect(Dict.encode({ a: 1, b: 'é' })).to.equal('{"a":1,"b":"é"}');
    expect(Json().encode('x')).to.equal('"x"');
    expect(Json().encode(null)).to.equal('null');
    expect(Dict.encode({ 'k\uFFFD': 'v\uFFFD' })).to.equal('{"k\\ufffd":"v\\ufffd"}');
    expect(Dict.decode(Dict.encode({ 'k\uFFFD': 'v\uFFFD' }))).to.deep.equal({ 'k\uFFFD': 'v\uFFFD' });
  });

  it("write numbers as Python's json.dumps does: safe integers as ints, others as float repr", () => {
    const cases: [number, string][] = [
      [0, '0'], [-7, '-7'], [Number.MAX_SAFE_INTEGER, '9007199254740991'], [0.5, '0.5'], [-0, '-0.0'],
      [1e16, '1e+16'], [2 ** 53, '9007199254740992.0'], [2 ** 60, '1.152921504606847e+18'], [1e-7, '1e-07'],
      [0.1 + 0.2, '0.30000000000000004'], [5e-324, '5e-324'], [Number.MAX_VALUE, '1.7976931348623157e+308'],
    ];
    for (const [x, text] of cases) {
      expect(List.encode([x]), String(x)).to.equal(`[${text}]`);
      expect(Object.is(List.decode(`[${text}]`)[0], x), text).to.equal(true);
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = List.encode([x]) as string;
        expect(text.slice(1, -1)).to.match(/^-?(0|[1-9]\d*)(\.\d+)?(e[+-]\d+)?$/);
        if (!Number.isSafeInteger(x)) expect(text).to.match(/[.e]/);
        expect(Object.is(List.decode(text)[0], x)).to.equal(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("read Python's json.dumps layout (', ', ': ', \\u escapes, float repr) back equal", () => {
    fc.assert(
      fc.property(fc.array(jsonAnyUnits), (list) => {
        expect(List.decode(pythonDumps(list))).to.deep.equal(list);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: anyUnit }), jsonAnyUnits), (dict) => {
        expect(Dict.decode(pythonDumps(dict as JsonObject))).to.deep.equal(dict);
      }),
      RUNS,
    );
  });

  it("read Python's NaN, Infinity and -Infinity tokens", () => {
    const list = List.decode('[NaN, Infinity, -Infinity, {"x": [NaN]}]');
    expect(list[0]).to.be.NaN;
    expect(list[1]).to.equal(Infinity);
    expect(list[2]).to.equal(-Infinity);
    expect((list[3] as { x: number[] }).x[0]).to.be.NaN;
    expect(Dict.decode('{"a": -Infinity}')).to.deep.equal({ a: -Infinity });
  });

  it('the full reader agrees with JSON.parse on standard JSON, valid or not', () => {
    fc.assert(
      fc.property(jsonAnyUnits, (value) => {
        // (Long integer literals that a double would round are refused on purpose; see below.)
        const v = integersOnly(value);
        const text = JSON.stringify(v);
        expect(readPythonJson(text)).to.deep.equal(JSON.parse(text));
        expect(readPythonJson(` \n${JSON.stringify(v, null, '\t')}\r `)).to.deep.equal(JSON.parse(text));
      }),
      RUNS,
    );
    const alphabet = fc.constantFrom(...'[]{}",:0123456789.eE+- tnrufalsx\\'.split(''), '\t', 'true', 'null', '"a"', '\u0001');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        let mine: unknown;
        let mineOk = true;
        try {
          mine = readPythonJson(text);
        } catch {
          mineOk = false;
        }
        expect(mineOk, text).to.equal(nativeOk);
        if (nativeOk) expect(mine).to.deep.equal(native);
      }),
      { numRuns: 3000 },
    );
  });

  it('keep a "__proto__" key as an own property, on both reading paths', () => {
    for (const text of ['{"__proto__": {"x": 1}}', '{"__proto__": {"x": -Infinity}}']) {
      const dict = Dict.decode(text);
      expect(Object.getPrototypeOf(dict)).to.equal(Object.prototype);
      expect(Object.keys(dict)).to.deep.equal(['__proto__']);
      expect(Object.getPrototypeOf(dict['__proto__'])).to.equal(Object.prototype);
    }
    expect(Dict.encode(Dict.decode('{"__proto__": {"x": 1}}'))).to.equal('{"__proto__":{"x":1}}');
  });

  it('refuse what JSON cannot hold exactly, naming where it is', () => {
    expectInvalid(() => List.encode([1, [NaN]]), 'List', 'NaN at [1][0]', 'JSON cannot hold NaN or ±Infinity');
    expectInvalid(() => List.encode([{ a: Infinity }]), 'List', 'Infinity at [0].a');
    expectInvalid(() => Dict.encode({ 'a b': -Infinity }), 'Dict', '-Infinity at ["a b"]');
    expectInvalid(() => List.encode(untyped([undefined])), 'List', 'undefined at [0]');
    expectInvalid(() => Dict.encode(untyped({ a: undefined })), 'Dict', 'undefined at .a', 'delete it or use null');
    expectInvalid(() => List.encode(untyped([() => 1])), 'List', 'a function at [0]');
    expectInvalid(() => List.encode(untyped([Symbol('s')])), 'List', 'a symbol at [0]');
    expectInvalid(() => List.encode(untyped([1n])), 'List', 'a bigint at [0]');
    expectInvalid(() => List.encode(untyped([new Date(0)])), 'List', 'a Date at [0]', 'only plain objects and arrays');
    expectInvalid(() => List.encode(untyped([new Map()])), 'List', 'a Map at [0]');
    expectInvalid(() => Dict.encode(untyped({ p: new Point() })), 'Dict', 'a Point at .p');
    expectInvalid(() => List.encode(untyped([1, , 3])), 'List', 'a hole at [1]');
    expectInvalid(() => Dict.encode(untyped({ [Symbol('k')]: 1 })), 'Dict', 'a symbol key');
    const cyclic: unknown[] = [1];
    cyclic.push([cyclic]);
    expectInvalid(() => List.encode(untyped(cyclic)), 'List', 'a cycle at [1][0]');
    const self: Record<string, unknown> = {};
    self.me = self;
    expectInvalid(() => Dict.encode(untyped(self)), 'Dict', 'a cycle at .me');
    expectInvalid(() => Json().encode(untyped(undefined)), 'Json', 'undefined');
    expectInvalid(() => Json({ name: 'Settings' }).encode(untyped(NaN)), 'Settings', 'NaN');
  });

  it('accept shared (non-cyclic) references and null-prototype objects', () => {
    const shared = { a: 1 };
    expect(roundTrip(List, [shared, shared])).to.deep.equal([{ a: 1 }, { a: 1 }]);
    const bare = Object.assign(Object.create(null) as Record<string, JsonValue>, { k: 'v' });
    expect(Dict.encode(bare)).to.equal('{"k":"v"}');
  });

  it('refuse a value of the wrong top-level kind', () => {
    for (const v of ['[]', { 0: 1 }, null, 5, new Set([1])]) {
      expectInvalid(() => List.encode(untyped(v)), 'List', 'expected an array');
    }
    for (const v of [[], null, '{}', new Date(0), new Point()]) {
      expectInvalid(() => Dict.encode(untyped(v)), 'Dict', 'expected a plain object');
    }
  });

  it('refuse values nested too deeply to serialize', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expectInvalid(() => List.encode(untyped(deep)), 'List', 'nested too deeply');
  });

  it('fail to read invalid JSON, the wrong kind, or integers a double would round', () => {
    for (const raw of ['', '[1,]', '[01]', 'nan', '[nan]', "['a']", '[1] x', '{"a" 1}', '\uFEFF[1]', '["\t"]']) {
      expectDecodeError(() => List.decode(raw), 'List', 'invalid JSON');
    }
    expectDecodeError(() => List.decode('{"a": 1}'), 'List', 'the JSON is object, not an array');
    expectDecodeError(() => Dict.decode('[1]'), 'Dict', 'the JSON is array, not an object');
    expectDecodeError(() => Dict.decode('null'), 'Dict', 'the JSON is null, not an object');
    expectDecodeError(() => List.decode('[12345678901234567890]'), 'List', 'integer 12345678901234567890 cannot be read exactly');
    expectDecodeError(() => List.decode('[-9007199254740993, NaN]'), 'List', 'cannot be read exactly');
    expectDecodeError(() => List.decode(`[1${'0'.repeat(400)}]`), 'List', 'cannot be read exactly');
    // Integer literals a double holds exactly read fine, however large (Python ints 2^53, 2^60, 10^20).
    expect(List.decode('[9007199254740991, -9007199254740992, 1152921504606846976, 100000000000000000000]')).to.deep.equal([
      9007199254740991, -(2 ** 53), 2 ** 60, 1e20,
    ]);
    expect(List.decode('[1.2345678901234567e+30, 12345678901234567890.0]')).to.deep.equal([1.2345678901234567e30, 12345678901234567890]);
    expectDecodeError(() => List.decode(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d])), 'List', 'not valid UTF-8');
  });

  it('Json applies its guard on write and read', () => {
    const Names = Json<string[]>({ name: 'Names', guard: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string') });
    expect(roundTrip(Names, ['a', 'b'])).to.deep.equal(['a', 'b']);
    expectInvalid(() => Names.encode(untyped([1])), 'Names', 'refused by the guard');
    expectDecodeError(() => Names.decode('[1]'), 'Names', 'refused by the guard');
  });
});
