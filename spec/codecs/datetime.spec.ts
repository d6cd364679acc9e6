import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

describe('codecs: DateTime', () => {
  it('round-trips every valid Date exactly, as epoch milliseconds', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(DateTime.encode(d)).to.equal(String(d.getTime()));
        const back = roundTrip(DateTime, d);
        expect(back).to.be.instanceOf(Date);
        expect(back.getTime()).to.equal(d.getTime());
        expect(back).to.deep.equal(d);
      }),
      RUNS,
    );
    for (const ms of [0, -1, 8.64e15, -8.64e15, 1700000000123]) {
      expect(roundTrip(DateTime, new Date(ms)).getTime()).to.equal(ms);
    }
  });

  it('writes decimal milliseconds, negative before 1970', () => {
    expect(DateTime.encode(new Date(0))).to.equal('0');
    expect(DateTime.encode(new Date('1969-12-31T00:00:00.000Z'))).to.equal('-86400000');
    expect(DateTime.encode(new Date('2024-01-02T03:04:05.678Z'))).to.equal('1704164645678');
  });

  it('refuses invalid Dates and non-Dates', () => {
    expectInvalid(() => DateTime.encode(new Date(NaN)), 'DateTime', 'an invalid Date', 'Invalid Date');
    for (const v of [0, '2024-01-01', null, { getTime: () => 0 }]) {
      expectInvalid(() => DateTime.encode(untyped(v)), 'DateTime', 'expected a Date');
    }
  });

  it('reads decimal digits, negative too', () => {
    expect(DateTime.decode('86400000').toISOString()).to.equal('1970-01-02T00:00:00.000Z');
    expect(DateTime.decode('-86400000').toISOString()).to.equal('1969-12-31T00:00:00.000Z');
    expect(DateTime.decode(Buffer.from('0')).getTime()).to.equal(0);
  });

  it('fails to read anything else, or times beyond the Date range', () => {
    for (const raw of ['', 'abc', '1.5', '1e3', ' 1', '+1', '2024-01-01', 'NaN']) {
      expectDecodeError(() => DateTime.decode(raw), 'DateTime', 'expected epoch milliseconds');
    }
    expectDecodeError(() => DateTime.decode('8640000000000001'), 'DateTime', 'outside the range of a Date');
    expectDecodeError(() => DateTime.decode('9'.repeat(400)), 'DateTime', 'outside the range of a Date');
  });
});
