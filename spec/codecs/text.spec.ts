import { expect } from 'chai';
import fc from 'fast-check';
import { Ascii, Text } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

/** Strings of printable ASCII only. */
const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

/** Text's domain: every well-formed string but those holding U+FFFD (it reads back like invalid UTF-8). */
const noReplacement = (s: string): boolean => !s.includes('\uFFFD');

describe('codecs: Text', () => {
  it('round-trips any well-formed string without U+FFFD (all code points incl. astral, empty)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter(noReplacement), (s) => {
        expect(roundTrip(Text, s)).to.equal(s);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter(noReplacement), (s) => {
        expect(roundTrip(Text, s)).to.equal(s);
      }),
      RUNS,
    );
  });

  it('round-trips edge strings exactly', () => {
    for (const s of ['', ' ', '😀', 'a\u0000b', '\uFEFFbom first', 'é', 'e\u0301', '\u{10FFFD}', '\u{10FFFF}', '\r\n']) {
      expect(roundTrip(Text, s)).to.equal(s);
    }
  });

  it('refuses U+FFFD when written and reads a reply holding it as invalid UTF-8 (never a silent U+FFFD)', () => {
    expectInvalid(() => Text.encode('a\uFFFDb'), 'Text', 'U+FFFD');
    // What ioredis hands over for stored bytes that were not UTF-8.
    const decoded = Buffer.from([0x61, 0xff, 0x62]).toString('utf8');
    expectDecodeError(() => Text.decode(decoded), 'Text', 'not valid UTF-8');
    expectDecodeError(() => Text.decode(Buffer.from([0x61, 0xff, 0x62])), 'Text', 'not valid UTF-8');
  });

  it('writes the string itself (sent as UTF-8)', () => {
    expect(Text.encode('héllo 😀')).to.equal('héllo 😀');
    expect(Text.binary).to.not.equal(true);
  });

  it('reads UTF-8 Buffers, keeping a leading BOM', () => {
    expect(Text.decode(Buffer.from('héllo 😀', 'utf8'))).to.equal('héllo 😀');
    expect(Text.decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).to.equal('\uFEFFa');
  });

  it('refuses lone surrogates (UTF-8 cannot carry them)', () => {
    for (const s of ['\uD800', 'a\uDC00b', '\uDE00\uD83D', 'x\uD83D']) {
      expectInvalid(() => Text.encode(s), 'Text', 'lone UTF-16 surrogate');
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ unit: 'binary' }),
        (a, code, b) => {
          // A surrogate between two whole code points can never pair up.
          const s = `${a}.${String.fromCharCode(code)}.${b}`;
          expectInvalid(() => Text.encode(s), 'Text', 'surrogate');
        },
      ),
      RUNS,
    );
  });

  it('refuses non-strings', () => {
    for (const v of [1, null, undefined, true, Buffer.from('a'), ['a'], new String('a'), Symbol('s')]) {
      expectInvalid(() => Text.encode(untyped(v)), 'Text', 'expected a string');
    }
  });

  it('fails to decode invalid UTF-8 instead of producing U+FFFD', () => {
    const bad = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x61, 0x80, 0x62], [0xf4, 0x90, 0x80, 0x80]];
    for (const bytes of bad) {
      const err = expectDecodeError(() => Text.decode(Buffer.from(bytes)), 'Text', 'not valid UTF-8');
      expect(Buffer.isBuffer(err.raw)).to.equal(true);
    }
  });

  it('fails to decode replies that are neither strings nor Buffers', () => {
    expectDecodeError(() => Text.decode(untyped(42)), 'Text', 'expected a string or Buffer reply, got number');
    expectDecodeError(() => Text.decode(untyped(null)), 'Text', 'got null');
  });
});

describe('codecs: Ascii', () => {
  it('round-trips any printable ASCII string, including the empty string', () => {
    fc.assert(
      fc.property(printableAscii, (s) => {
        expect(roundTrip(Ascii, s)).to.equal(s);
      }),
      RUNS,
    );
    expect(roundTrip(Ascii, '')).to.equal('');
    expect(roundTrip(Ascii, ' ~')).to.equal(' ~');
  });

  it('refuses anything outside U+0020..U+007E, and non-strings', () => {
    for (const s of ['é', 'abc\n', '\t', '\x7f', '\x1f', '😀', 'a\u0000']) {
      expectInvalid(() => Ascii.encode(s), 'Ascii', 'printable ASCII');
    }
    expectInvalid(() => Ascii.encode(untyped(7)), 'Ascii', 'expected a string, got number');
    fc.assert(
      fc.property(printableAscii, fc.integer({ min: 0x7f, max: 0x10ffff }), (s, code) => {
        if (code >= 0xd800 && code <= 0xdfff) return;
        expectInvalid(() => Ascii.encode(s + String.fromCodePoint(code)), 'Ascii');
      }),
      RUNS,
    );
  });

  it('fails to decode stored values outside printable ASCII', () => {
    expectDecodeError(() => Ascii.decode('naïve'), 'Ascii', 'printable ASCII', '"naïve"');
    expectDecodeError(() => Ascii.decode(Buffer.from([0x61, 0x0a])), 'Ascii', 'printable ASCII');
    expectDecodeError(() => Ascii.decode(Buffer.from([0xff])), 'Ascii', 'not valid UTF-8');
  });
});
