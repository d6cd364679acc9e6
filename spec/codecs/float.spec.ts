import { expect } from 'chai';
import fc from 'fast-check';
import { Float } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

/** What Python's `repr(float)` gives, minus the trailing `.0` Python redpipe strips (checked in Python 3.11). */
const PYTHON_WRITES: [number, string][] = [
  [0.1, '0.1'], [0.5, '0.5'], [1, '1'], [5, '5'], [-5, '-5'], [1.5, '1.5'], [100, '100'],
  [1e15, '1000000000000000'], [1e16, '1e+16'], [1.5e16, '1.5e+16'], [9007199254740992, '9007199254740992'],
  [9007199254740991, '9007199254740991'], [1e-4, '0.0001'], [1e-5, '1e-05'], [2.5e-5, '2.5e-05'],
  [0.30000000000000004, '0.30000000000000004'], [1 / 3, '0.3333333333333333'], [5e-324, '5e-324'],
  [-5e-324, '-5e-324'], [2.2250738585072014e-308, '2.2250738585072014e-308'],
  [1.7976931348623157e308, '1.7976931348623157e+308'], [-0, '-0'], [0, '0'], [Infinity, 'inf'],
  [-Infinity, '-inf'], [1e21, '1e+21'], [1e22, '1e+22'], [1e100, '1e+100'], [123456.789, '123456.789'],
  [1e-7, '1e-07'], [1e-300, '1e-300'],
];

/** The shape of Python's float repr: plain decimal, or d[.ddd]e±XX, or inf. */
const PYTHON_REPR = /^-?(inf|(0|[1-9]\d*)(\.\d*[1-9])?|[1-9](\.\d*[1-9])?e[+-]\d{2,3})$/;

/** Same number, telling -0 from 0 (and NaN equal to NaN). */
function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

describe('codecs: Float', () => {
  it('round-trips every double but NaN exactly (incl. -0, ±Infinity, subnormals, extremes)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(same(roundTrip(Float, x), x), String(x)).to.equal(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -2.2250738585072014e-308, max: 2.2250738585072014e-308 }), (x) => {
        expect(same(roundTrip(Float, x), x)).to.equal(true);
      }),
      RUNS,
    );
    for (const x of [-0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE,
      -Number.MAX_VALUE, Number.EPSILON, 2.225073858507201e-308, Number.MAX_SAFE_INTEGER + 2]) {
      expect(same(roundTrip(Float, x), x), String(x)).to.equal(true);
    }
  });

  it('writes exactly what Python redpipe writes for the same double', () => {
    for (const [x, text] of PYTHON_WRITES) expect(Float.encode(x), String(x)).to.equal(text);
  });

  it("writes the shortest round-trip digits in Python's repr layout", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const text = Float.encode(x) as string;
        expect(text).to.match(PYTHON_REPR);
        expect(text.endsWith('.0')).to.equal(false);
        if (Number.isFinite(x) && x !== 0) {
          // Same significant digits as JavaScript's shortest round-trip String(x).
          const digits = (s: string) => s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
          expect(digits(text)).to.equal(digits(String(x)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses NaN and non-numbers when written', () => {
    expectInvalid(() => Float.encode(NaN), 'Float', 'NaN');
    for (const v of ['1.5', 1n, null, undefined, new Number(1), true]) {
      expectInvalid(() => Float.encode(untyped(v)), 'Float', 'expected a number');
    }
  });

  it("reads every form Python's float() accepts", () => {
    const cases: [string, number][] = [
      ['inf', Infinity], ['-inf', -Infinity], ['+inf', Infinity], ['Infinity', Infinity], ['-Infinity', -Infinity],
      ['INF', Infinity], ['iNfInItY', Infinity], ['1e+16', 1e16], ['1e-05', 1e-5], ['1E5', 1e5], [' 1.5 ', 1.5],
      ['\t2.5\n', 2.5], ['1_000.5', 1000.5], ['1e1_0', 1e10], ['.5', 0.5], ['1.', 1], ['1.e5', 1e5], ['+5', 5],
      ['-0', -0], ['-0.0', -0], ['0.0', 0], ['007', 7], ['1e400', Infinity], ['-1e400', -Infinity], ['1e-400', 0],
      ['0.30000000000000004', 0.30000000000000004], ['1.7976931348623157e+308', Number.MAX_VALUE],
    ];
    for (const [raw, x] of cases) {
      expect(same(Float.decode(raw), x), raw).to.equal(true);
      expect(same(Float.decode(Buffer.from(raw)), x), raw).to.equal(true);
    }
  });

  it("reads an explicit 'nan' (any case, any sign) as NaN", () => {
    for (const raw of ['nan', 'NaN', '-nan', '+NAN', ' nan ']) expect(Float.decode(raw)).to.be.NaN;
  });

  it("reads JavaScript's String(x) form of every double too", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        // String(-0) is '0': JavaScript's own form drops the sign of zero.
        expect(same(Float.decode(String(x)), Object.is(x, -0) ? 0 : x)).to.equal(true);
      }),
      RUNS,
    );
  });

  it('fails to read garbage instead of producing NaN', () => {
    for (const raw of ['', ' ', 'abc', '1.5x', '0x10', '1e', 'e5', '.', '1__0', '1_', '_1', '1._5', '--1', '+-1',
      '1 2', 'infinit', 'nana', '١', '\u00a01', '1,5', '\x1c1']) {
      expectDecodeError(() => Float.decode(raw), 'Float', 'not a number Python float() accepts');
    }
  });
});
