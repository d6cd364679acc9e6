import { expect } from 'chai';
import fc from 'fast-check';
import { BigIntField, Integer } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('codecs: Integer', () => {
  it('round-trips every safe integer exactly, as plain decimal digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer()), (n) => {
        const encoded = Integer.encode(n);
        expect(encoded).to.equal(String(n)).and.match(/^-?(0|[1-9]\d*)$/);
        expect(roundTrip(Integer, n)).to.equal(n);
      }),
      RUNS,
    );
    for (const n of [0, 1, -1, MAX, -MAX, 2 ** 31, -(2 ** 31), 2 ** 32]) expect(roundTrip(Integer, n)).to.equal(n);
  });

  it("writes -0 as '0' (integers have no signed zero; Redis INCRBY refuses '-0')", () => {
    expect(Integer.encode(-0)).to.equal('0');
    expect(Object.is(Integer.decode('0'), 0)).to.equal(true);
    expect(Object.is(Integer.decode('-0'), 0)).to.equal(true);
    expect(Object.is(Integer.decode('-0.0e5'), 0)).to.equal(true);
  });

  it('refuses non-integers, unsafe integers and non-numbers when written', () => {
    for (const v of [1.5, -0.1, NaN, Infinity, -Infinity, 5e-324]) {
      expectInvalid(() => Integer.encode(v), 'Integer', 'not an integer');
    }
    for (const v of [2 ** 53, -(2 ** 53), 1e300, MAX + 2]) {
      expectInvalid(() => Integer.encode(v), 'Integer', 'beyond the safe integer range');
    }
    for (const v of ['5', 5n, null, undefined, true, new Number(5), [5]]) {
      expectInvalid(() => Integer.encode(untyped(v)), 'Integer', 'expected a number');
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        if (Number.isSafeInteger(x)) return;
        expectInvalid(() => Integer.encode(x), 'Integer');
      }),
      RUNS,
    );
  });

  it("reads the forms Python's int(float(x)) reads", () => {
    const cases: [string, number][] = [
      ['42', 42], ['-42', -42], ['1e3', 1000], ['1E3', 1000], ['3.0', 3], ['+5', 5], [' 7 ', 7],
      ['\t42\r\n', 42], ['1_000', 1000], ['007', 7], ['1.5e1', 15], ['150e-1', 15], ['0e99', 0],
      ['9007199254740991', MAX], ['-9007199254740991', -MAX], ['9.007199254740991e15', MAX], ['1.', 1],
    ];
    for (const [raw, n] of cases) {
      expect(Integer.decode(raw), raw).to.equal(n);
      expect(Integer.decode(Buffer.from(raw)), raw).to.equal(n);
    }
  });

  it('reads every safe integer in any of those forms', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        for (const form of [`${n}.0`, `${n}e0`, ` ${n} `, `${n}00e-2`, n < 0 ? String(n) : `+${n}`]) {
          expect(Integer.decode(form), form).to.equal(n === 0 ? 0 : n);
        }
      }),
      RUNS,
    );
  });

  it('fails to read integers beyond the safe range instead of rounding them', () => {
    for (const raw of ['9007199254740992', '-9007199254740992', '9007199254740993', '1e16', '1e400', '12345678901234567890']) {
      expectDecodeError(() => Integer.decode(raw), 'Integer', 'beyond the safe integer range', raw);
    }
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX) + 1n, max: 2n ** 128n }), fc.boolean(), (big, negative) => {
        const raw = String(negative ? -big : big);
        expectDecodeError(() => Integer.decode(raw), 'Integer', 'beyond the safe integer range');
      }),
      RUNS,
    );
  });

  it('fails to read fractions (Python would truncate them), inf, nan and garbage', () => {
    for (const raw of ['3.5', '0.1', '.5', '9007199254740991.4', '1e-1']) {
      expectDecodeError(() => Integer.decode(raw), 'Integer', 'fractional part');
    }
    expectDecodeError(() => Integer.decode('inf'), 'Integer', 'inf is not an integer');
    expectDecodeError(() => Integer.decode('-Infinity'), 'Integer', 'infinity is not an integer');
    expectDecodeError(() => Integer.decode('nan'), 'Integer', 'nan is not an integer');
    for (const raw of ['', ' ', 'abc', '1_', '_1', '1__0', '0x10', '1e', '--1', '1 2', '١٢', '\u00a01', '12abc']) {
      expectDecodeError(() => Integer.decode(raw), 'Integer', 'not a number');
    }
  });
});

describe('codecs: BigIntField', () => {
  it('round-trips any bigint exactly, as decimal digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt(), fc.bigInt({ min: -(2n ** 512n), max: 2n ** 512n })), (n) => {
        expect(BigIntField.encode(n)).to.equal(n.toString()).and.match(/^-?(0|[1-9]\d*)$/);
        expect(roundTrip(BigIntField, n)).to.equal(n);
      }),
      RUNS,
    );
  });

  it('refuses anything but a bigint', () => {
    for (const v of [1, '1', null, 1.5, Object(1n)]) {
      expectInvalid(() => BigIntField.encode(untyped(v)), 'BigInt', 'expected a bigint');
    }
  });

  it('reads the same forms as Integer, exactly and without a range limit', () => {
    expect(BigIntField.decode('12345678901234567890123')).to.equal(12345678901234567890123n);
    expect(BigIntField.decode('1e3')).to.equal(1000n);
    expect(BigIntField.decode(' -2.5e1 ')).to.equal(-25n);
    expect(BigIntField.decode('8e92')).to.equal(8n * 10n ** 92n);
    expect(BigIntField.decode('-0')).to.equal(0n);
  });

  it('fails to read fractions, garbage and absurdly long numbers', () => {
    expectDecodeError(() => BigIntField.decode('1.5'), 'BigInt', 'fractional part');
    expectDecodeError(() => BigIntField.decode('x'), 'BigInt', 'not a number');
    expectDecodeError(() => BigIntField.decode('1e5000'), 'BigInt', 'more than 4300 digits');
  });
});
