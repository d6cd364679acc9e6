import { expect } from 'chai';
import { RedpipeError } from '../../lib/errors.js';
import {
  type Codec, type Decoded, DecodeError, Float, Integer, InvalidValueError, List, Text, custom, decodeValue, encodeValue,
} from '../../lib/codecs/index.js';
import { expectDecodeError, expectInvalid, untyped } from './support.js';

/** A codec written by hand, shaped like Codec, that throws plain errors. */
const Upper: Codec<string> = {
  name: 'Upper',
  encode(value) {
    if (value !== value.toUpperCase()) throw new Error('not upper case');
    return value;
  },
  decode(raw) {
    if (typeof raw !== 'string') throw new TypeError('wants a string');
    return raw;
  },
};

describe('codecs: Codec, encodeValue and decodeValue', () => {
  it('Decoded<C> is the value type of a codec', () => {
    const n: Decoded<typeof Integer> = 1;
    const list: Decoded<typeof List> = [1, 'a', null];
    const never: Decoded<string> = untyped<never>(undefined);
    expect([n, list, never]).to.have.length(3);
  });

  it('encodeValue returns what the codec writes', () => {
    expect(encodeValue(Integer, 42, "model User field 'age'")).to.equal('42');
    expect(decodeValue(Integer, '42', "key U{1} member 'age'")).to.equal(42);
  });

  it('InvalidValueError names the codec, the place, the value (shortened) and the reason', () => {
    const err = expectInvalid(
      () => encodeValue(Integer, 1.5, "model User field 'age'"),
      'Integer',
      "Integer refused 1.5 for model User field 'age': not an integer",
    );
    expect(err).to.be.instanceOf(RedpipeError);
    expect(err.name).to.equal('InvalidValueError');
    expect(err.where).to.equal("model User field 'age'");
    expect(err.value).to.equal(1.5);
    expect(err.reason).to.equal('not an integer');
    const long = expectInvalid(() => encodeValue(Integer, untyped('x'.repeat(10_000)), 'k'), 'Integer');
    expect(long.message).to.not.include('x'.repeat(200));
    const big = expectInvalid(() => encodeValue(Integer, untyped({ a: 'y'.repeat(500), b: [1, 2, 3] }), 'k'), 'Integer');
    expect(big.message.length).to.be.lessThan(300);
  });

  it('DecodeError names the codec, the place, the raw value and the reason', () => {
    const err = expectDecodeError(
      () => decodeValue(Float, 'abc', "key U{1} member 'score'"),
      'Float',
      'Float cannot decode "abc" at key U{1} member \'score\': not a number',
    );
    expect(err).to.be.instanceOf(RedpipeError);
    expect(err.name).to.equal('DecodeError');
    expect(err.raw).to.equal('abc');
    expect(err.where).to.equal("key U{1} member 'score'");
    const bytes = expectDecodeError(() => decodeValue(Text, Buffer.from([0xff, 0xfe]), 'key T{1}'), 'Text', '<Buffer ff fe>');
    expect(bytes.cause).to.be.instanceOf(TypeError);
  });

  it('wraps whatever a hand-written codec throws, keeping it as the cause', () => {
    const w = expectInvalid(() => encodeValue(Upper, 'abc', 'key K{1}'), 'Upper', '"abc" for key K{1}: not upper case');
    expect(w.cause).to.be.instanceOf(Error);
    const r = expectDecodeError(() => decodeValue(Upper, Buffer.from('a'), 'key K{1}'), 'Upper', 'at key K{1}: wants a string');
    expect(r.cause).to.be.instanceOf(TypeError);
    const thrower: Codec<string> = { name: 'Odd', encode: () => { throw 'boom'; }, decode: () => { throw 7; } };
    expectInvalid(() => encodeValue(thrower, 'a', 'k'), 'Odd', 'threw boom');
    expectDecodeError(() => decodeValue(thrower, 'a', 'k'), 'Odd', 'threw 7');
  });

  it('refuses a codec encode result that is not a string or Buffer', () => {
    const bad: Codec<number> = { name: 'Bad', encode: (n) => untyped<string>(n), decode: () => 0 };
    expectInvalid(() => encodeValue(bad, 3, 'k'), 'Bad', 'returned number');
  });

  it('adds context to errors that already have some, outermost first', () => {
    const inner = new InvalidValueError({ codec: 'X', value: 1, reason: 'r', where: 'item 2' });
    const outer = inner.withContext('key K{1}');
    expect(outer.where).to.equal('key K{1}, item 2');
    const d = new DecodeError({ codec: 'X', raw: 'q', reason: 'r' }).withContext('key K{1}');
    expect(d.message).to.equal('X cannot decode "q" at key K{1}: r');
  });
});

describe('codecs: custom', () => {
  const Point = custom<{ x: number; y: number }>({
    name: 'Point',
    encode: ({ x, y }) => `${x},${y}`,
    decode: (raw) => {
      const [x, y] = String(raw).split(',').map(Number);
      return { x: x!, y: y! };
    },
  });

  it('makes a frozen codec from two conversions', () => {
    expect(Point.name).to.equal('Point');
    expect(Point.binary).to.equal(false);
    expect(Object.isFrozen(Point)).to.equal(true);
    expect(Point.decode(Point.encode({ x: 1, y: -2 }))).to.deep.equal({ x: 1, y: -2 });
    expect(custom({ name: 'B', binary: true, encode: (b: Buffer) => b, decode: (r) => Buffer.from(r) }).binary).to.equal(true);
  });

  it('refuses an encode result that is not a string or Buffer', () => {
    const Bad = custom<number>({ name: 'Bad', encode: (n) => untyped<string>(n), decode: () => 1 });
    expectInvalid(() => Bad.encode(1), 'Bad', 'encode returned number');
    expectInvalid(() => custom<number>({ name: 'Nul', encode: () => untyped<string>(null), decode: () => 1 }).encode(1), 'Nul', 'returned null');
  });

  it('rejects malformed definitions at once', () => {
    expect(() => custom(untyped<{ name: string; encode(v: unknown): string; decode(r: unknown): unknown }>(null))).to.throw(TypeError);
    expect(() => custom(untyped<{ name: string; encode(v: unknown): string; decode(r: unknown): unknown }>({ name: '', encode: String, decode: String }))).to.throw(TypeError, 'name');
    expect(() => custom(untyped<{ name: string; encode(v: unknown): string; decode(r: unknown): unknown }>({ name: 'N', encode: String }))).to.throw(TypeError, 'functions');
  });
});
