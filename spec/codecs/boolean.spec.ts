import { expect } from 'chai';
import fc from 'fast-check';
import { BooleanField } from '../../lib/codecs/index.js';
import { expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

describe('codecs: BooleanField', () => {
  it("round-trips both booleans, writing '1' and ''", () => {
    expect(BooleanField.encode(true)).to.equal('1');
    expect(BooleanField.encode(false)).to.equal('');
    fc.assert(fc.property(fc.boolean(), (b) => {
      expect(roundTrip(BooleanField, b)).to.equal(b);
    }));
  });

  it("reads '1' and 'true' (any case) as true; '', '0' and 'false' (any case) as false", () => {
    for (const raw of ['1', 'true', 'True', 'TRUE']) {
      expect(BooleanField.decode(raw), raw).to.equal(true);
      expect(BooleanField.decode(Buffer.from(raw)), raw).to.equal(true);
    }
    for (const raw of ['', '0', 'false', 'False', 'FALSE']) {
      expect(BooleanField.decode(raw), raw).to.equal(false);
      expect(BooleanField.decode(Buffer.from(raw)), raw).to.equal(false);
    }
  });

  it('refuses non-booleans when written (no truthiness)', () => {
    for (const v of [1, 0, '1', '', 'true', null, undefined, new Boolean(true), []]) {
      expectInvalid(() => BooleanField.encode(untyped(v)), 'Boolean', 'expected a boolean');
    }
  });

  it('fails to read anything else rather than guessing', () => {
    for (const raw of ['2', 'yes', 'no', 'None', 'none', ' 1', '1 ', 'tru', '00', '-1', 'on', 'null']) {
      expectDecodeError(() => BooleanField.decode(raw), 'Boolean', "expected '1', '', '0', 'true' or 'false'", JSON.stringify(raw));
    }
    expectDecodeError(() => BooleanField.decode(Buffer.from([0xff])), 'Boolean', 'not valid UTF-8');
  });
});
