/**
 * Wire compatibility with Python redpipe 4.0 (`redpipe/fields.py`). Every stored form below is the
 * exact output of the Python field's `encode` (run under Python 3.11); the reverse direction asserts
 * our exact output and names what Python's `decode` reads from it.
 */
import { expect } from 'chai';
import {
  Ascii, Binary, BooleanField, type Codec, Dict, Float, Integer, List, StringList, Text,
} from '../../lib/codecs/index.js';
import { expectDecodeError } from './support.js';

/** Reads `python` (given as a string reply and as a Buffer reply) and expects `value`. */
function reads<T>(codec: Codec<T>, python: string, value: T): void {
  for (const raw of [python, Buffer.from(python, 'utf8')]) {
    const decoded = codec.decode(raw);
    if (typeof value === 'number') expect(Object.is(decoded, value), `${codec.name} ${python}`).to.equal(true);
    else expect(decoded, `${codec.name} ${JSON.stringify(python)}`).to.deep.equal(value);
  }
}

/** Python `FloatField.encode(x)` for each double: `repr(x)` minus a trailing `.0`. */
const PY_FLOATS: [number, string][] = [
  [0.1, '0.1'], [1e16, '1e+16'], [1e-5, '1e-05'], [0.1 + 0.2, '0.30000000000000004'], [Infinity, 'inf'],
  [-Infinity, '-inf'], [-0, '-0'], [0, '0'], [5, '5'], [1e15, '1000000000000000'], [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'], [1 / 3, '0.3333333333333333'],
  [2 ** 53, '9007199254740992'], [2.5e-5, '2.5e-05'], [1e21, '1e+21'], [1e-7, '1e-07'],
];

/** Python `IntegerField.encode(v)`: `repr(int(float(v)))`. */
const PY_INTEGERS: [number, string][] = [
  [0, '0'], [5, '5'], [-42, '-42'], [9007199254740991, '9007199254740991'], [-9007199254740991, '-9007199254740991'],
];

describe('codecs: Python redpipe fixtures', () => {
  describe('reading what Python redpipe writes', () => {
    it('TextField / AsciiField: UTF-8 bytes', () => {
      reads(Text, '', '');
      reads(Text, 'héllo', 'héllo');
      expect(Text.decode(Buffer.from('f09f98802061737472616c', 'hex'))).to.equal('😀 astral');
      expect(Text.decode(Buffer.from('efbbbf626f6d', 'hex'))).to.equal('\uFEFFbom');
      reads(Text, 'a,b', 'a,b');
      reads(Text, 'line\nbreak', 'line\nbreak');
      reads(Ascii, 'user-42', 'user-42');
      reads(Ascii, ' ~', ' ~');
      reads(Ascii, '', '');
    });

    it('BinaryField: the bytes themselves', () => {
      const bytes = Buffer.from('00ff80616263', 'hex');
      expect(Binary.decode(bytes)).to.deep.equal(bytes);
      expect(Binary.decode(Buffer.alloc(0))).to.deep.equal(Buffer.alloc(0));
    });

    it('IntegerField: decimal digits (also what it writes for 3.0, 7.9 and True)', () => {
      for (const [n, text] of PY_INTEGERS) reads(Integer, text, n);
      reads(Integer, '3', 3); // IntegerField.encode(3.0)
      reads(Integer, '7', 7); // IntegerField.encode(7.9): Python truncates when writing
      reads(Integer, '1', 1); // IntegerField.encode(True)
    });

    it('IntegerField: values Python reads with int(float(x)), e.g. a FloatField value', () => {
      reads(Integer, '1e3', 1000);
      reads(Integer, '3.0', 3);
      reads(Integer, '1e+15', 1e15);
    });

    it('IntegerField: integers Python wrote beyond 2^53 fail instead of losing precision', () => {
      // Python 4.0 itself writes int(float(2**53 + 1)) as '9007199254740992'; bigger ints as digits.
      expectDecodeError(() => Integer.decode('9007199254740992'), 'Integer', 'BigIntField');
      expectDecodeError(() => Integer.decode('100000000000000000000'), 'Integer', 'beyond the safe integer range');
    });

    it('FloatField: repr() without a trailing .0, and nan', () => {
      for (const [x, text] of PY_FLOATS) reads(Float, text, x);
      expect(Float.decode('nan')).to.be.NaN; // FloatField.encode(float('nan'))
      reads(Float, '1.0', 1); // str(1.0), as other Python code may store
      reads(Float, '1.5e+300', 1.5e300);
    });

    it("BooleanField: '1' and '' (and str(True) / str(False) from other Python code)", () => {
      reads(BooleanField, '1', true); // encode(True), encode(1), encode('yes')
      reads(BooleanField, '', false); // encode(False), encode(0), encode('0'), encode(None)
      reads(BooleanField, 'True', true);
      reads(BooleanField, 'False', false);
    });

    it('ListField: json.dumps (", " separators, \\u escapes, NaN/Infinity tokens, float repr)', () => {
      reads(List, '[1, "a"]', [1, 'a']);
      reads(List, '[]', []);
      reads(List, '[1.0, 2.5, null, true, false, {"a": [1]}]', [1, 2.5, null, true, false, { a: [1] }]);
      reads(List, '["\\u00e9", "\\ud83d\\ude00"]', ['é', '😀']);
      reads(List, '[-0.0, 1e+16, 100000000000000000000]', [-0, 1e16, 1e20]);
      const special = List.decode('[NaN, Infinity, -Infinity]');
      expect(special[0]).to.be.NaN;
      expect(special.slice(1)).to.deep.equal([Infinity, -Infinity]);
      // Python ints a double cannot hold exactly fail rather than being rounded.
      expectDecodeError(() => List.decode('[9007199254740993]'), 'List', 'cannot be read exactly');
    });

    it('DictField: json.dumps of a dict', () => {
      reads(Dict, '{"a": 1, "b": "\\u00e9"}', { a: 1, b: 'é' });
      reads(Dict, '{}', {});
      reads(Dict, '{"nested": {"x": [1, 2]}, "f": 0.5}', { nested: { x: [1, 2] }, f: 0.5 });
    });

    it("StringListField: ','-joined; empty items dropped as Python's decode drops them", () => {
      reads(StringList, 'a,b,c', ['a', 'b', 'c']);
      reads(StringList, 'x', ['x']);
      reads(StringList, 'a b,é', ['a b', 'é']);
      reads(StringList, '', []); // Python reads its own [] back as None
      reads(StringList, 'a,,b', ['a', 'b']); // encode(['a', '', 'b']); Python reads ['a', 'b'] too
    });
  });

  describe('writing what Python redpipe reads back equal', () => {
    it('Float: byte-identical to FloatField.encode (float(x) reads it back exactly)', () => {
      for (const [x, text] of PY_FLOATS) expect(Float.encode(x), String(x)).to.equal(text);
    });

    it("Integer: byte-identical to IntegerField.encode (int(float(x)) reads it); -0 as '0'", () => {
      for (const [n, text] of PY_INTEGERS) expect(Integer.encode(n)).to.equal(text);
      expect(Integer.encode(-0)).to.equal('0');
    });

    it("Boolean: '1' / '' exactly as BooleanField.encode (bool(b'1') is True, bool(b'') False)", () => {
      expect(BooleanField.encode(true)).to.equal('1');
      expect(BooleanField.encode(false)).to.equal('');
    });

    it('Text, Ascii and Binary: the same bytes TextField / AsciiField / BinaryField write', () => {
      expect(Buffer.from(Text.encode('😀 astral')).toString('hex')).to.equal('f09f98802061737472616c');
      expect(Ascii.encode('user-42')).to.equal('user-42');
      const bytes = Buffer.from('00ff80616263', 'hex');
      expect(Binary.encode(bytes)).to.deep.equal(bytes);
    });

    it("StringList: ','-joined like StringListField.encode (its decode splits on ',')", () => {
      expect(StringList.encode(['a', 'b', 'c'])).to.equal('a,b,c');
      expect(StringList.encode(['a b', 'é'])).to.equal('a b,é');
      expect(StringList.encode([])).to.equal(''); // Python's own encode([]) is b'' too
    });

    it('List / Dict: compact JSON that json.loads reads equal; numbers in json.dumps form', () => {
      expect(List.encode([1, 'a'])).to.equal('[1,"a"]');
      expect(List.encode([1, 2.5, null, true, false, { a: [1] }])).to.equal('[1,2.5,null,true,false,{"a":[1]}]');
      expect(List.encode(['é', '😀'])).to.equal('["é","😀"]'); // UTF-8; json.loads(b.decode('utf-8'))
      expect(List.encode([-0, 1e16, 2 ** 53, 2 ** 60, 0.1])).to.equal(
        '[-0.0,1e+16,9007199254740992.0,1.152921504606847e+18,0.1]',
      );
      expect(Dict.encode({ a: 1, b: 'é' })).to.equal('{"a":1,"b":"é"}');
      expect(Dict.encode({ nested: { x: [1, 2] }, f: 0.5 })).to.equal('{"nested":{"x":[1,2]},"f":0.5}');
    });
  });
});
