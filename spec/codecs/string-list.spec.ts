import { expect } from 'chai';
import fc from 'fast-check';
import { StringList } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

/** Non-empty well-formed strings without commas: StringList's item domain. */
const item = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes(',') && !s.includes('\uFFFD'));

describe('codecs: StringList', () => {
  it("round-trips any list of non-empty, comma-free strings ([] as '')", () => {
    fc.assert(
      fc.property(fc.array(item), (list) => {
        expect(StringList.encode(list)).to.equal(list.join(','));
        expect(roundTrip(StringList, list)).to.deep.equal(list);
      }),
      RUNS,
    );
    expect(StringList.encode([])).to.equal('');
    expect(roundTrip(StringList, [])).to.deep.equal([]);
    expect(roundTrip(StringList, [' ', 'a b', '😀', 'é'])).to.deep.equal([' ', 'a b', '😀', 'é']);
  });

  it('refuses items containing a comma (Python silently split them)', () => {
    expectInvalid(() => StringList.encode(['a', 'b,c']), 'StringList', "item 1 contains ','");
    fc.assert(
      fc.property(fc.array(item), fc.string(), fc.string(), (list, a, b) => {
        expectInvalid(() => StringList.encode([...list, `${a},${b}`]), 'StringList', "contains ','");
      }),
      RUNS,
    );
  });

  it('refuses empty items, non-strings, holes, lone surrogates and non-arrays', () => {
    expectInvalid(() => StringList.encode(['a', '']), 'StringList', 'item 1 is empty');
    expectInvalid(() => StringList.encode(['']), 'StringList', 'item 0 is empty');
    expectInvalid(() => StringList.encode(untyped(['a', 1])), 'StringList', 'item 1 is number, not a string');
    expectInvalid(() => StringList.encode(untyped([null])), 'StringList', 'item 0 is null');
    expectInvalid(() => StringList.encode(untyped([, 'a'])), 'StringList', 'item 0 is a hole');
    expectInvalid(() => StringList.encode(['\uD800']), 'StringList', 'lone UTF-16 surrogate');
    for (const v of ['a,b', null, new Set(['a']), { 0: 'a', length: 1 }]) {
      expectInvalid(() => StringList.encode(untyped(v)), 'StringList', 'expected an array');
    }
  });

  it("reads like Python: split on ',' and drop empty items", () => {
    expect(StringList.decode('a,b,c')).to.deep.equal(['a', 'b', 'c']);
    expect(StringList.decode('')).to.deep.equal([]);
    expect(StringList.decode('a,,b,')).to.deep.equal(['a', 'b']);
    expect(StringList.decode(',')).to.deep.equal([]);
    expect(StringList.decode(Buffer.from(' x , y'))).to.deep.equal([' x ', ' y']);
  });

  it('fails to read invalid UTF-8', () => {
    expectDecodeError(() => StringList.decode(Buffer.from([0x61, 0x2c, 0xff])), 'StringList', 'not valid UTF-8');
  });
});
