// StringKeyspace with every value codec (what is stored, what reads back, in every mode), values that
// cannot be decoded, and every refused input: thrown when queued, nothing sent (counted by the proxy).
import { expect } from 'chai';
import {
  Ascii, Binary, BooleanField, DecodeError, Dict, Float, Integer, InvalidValueError, List, StringList, Text, type Codec,
} from '../../lib/codecs/index.js';
import { InvalidArgumentError, InvalidIdError, type StringKeyspace } from '../../lib/keyspaces/index.js';
import { PipelineError, pipeline } from '../../lib/pipeline/index.js';
import { MODES, rejection, run, thrown, useCountedConnection, useServers } from './collections-support.js';
import { rawKey, rawOf, settle, stringKind } from './string-support.js';

/** A codec, a value, and the exact text it is stored as. */
interface Case<V> {
  codec: Codec<V>;
  value: V;
  stored: string;
}
const cases: Case<unknown>[] = [
  { codec: Text, value: 'ünïcødé ✓', stored: 'ünïcødé ✓' },
  { codec: Ascii, value: 'plain ~ascii', stored: 'plain ~ascii' },
  { codec: Integer, value: -42, stored: '-42' },
  { codec: Float, value: 0.1 + 0.2, stored: '0.30000000000000004' },
  { codec: Float, value: 1e16, stored: '1e+16' },
  { codec: BooleanField, value: true, stored: '1' },
  { codec: BooleanField, value: false, stored: '' },
  { codec: List, value: [1, 'a', { b: null }], stored: '[1,"a",{"b":null}]' },
  { codec: Dict, value: { a: 1, b: 'é' }, stored: '{"a":1,"b":"é"}' },
  { codec: StringList, value: ['a', 'b c'], stored: 'a,b c' },
  { codec: StringList, value: [], stored: '' },
] as Case<unknown>[];

for (const mode of MODES) {
  describe(`StringKeyspace: value codecs — ${mode.label}`, () => {
    const servers = useServers();

    for (const { codec, value, stored } of cases) {
      it(`${codec.name} ${JSON.stringify(value)} is stored as ${JSON.stringify(stored)} and read back by get / mget / getset`, async () => {
        const S = stringKind(mode, codec);
        const [written, read, many, old] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.set(value), s.get(), s.mget('none'), new S('2', pipe).getset(value)] as const;
        });
        expect(written).to.equal(true);
        expect(read).to.deep.equal(value);
        expect(many).to.deep.equal([value, null]);
        expect(old).to.equal(null);
        const raw = rawOf(servers, mode);
        expect(await raw.get(rawKey(S, '1'))).to.equal(stored);
        expect(await raw.get(rawKey(S, '2'))).to.equal(stored);
      });
    }

    it('Binary values are stored byte for byte and read back as Buffers by every reading command', async () => {
      const B = stringKind(mode, Binary);
      const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41]);
      const [written, read, range, many, old, prev, gone] = await run(mode, (pipe) => {
        const b = new B('1', pipe);
        return [
          b.set(bytes), b.get(), b.getrange(1, 2), b.mget('2'), new B('2', pipe).getset(Buffer.from([0xc3])),
          new B('2', pipe).set(Buffer.from([0x01]), { get: true }), new B('2', pipe).getdel(),
        ] as const;
      });
      expect(written).to.equal(true);
      expect(Buffer.isBuffer(read) && read.equals(bytes)).to.equal(true);
      expect(range.toString('hex')).to.equal('fffe');
      expect(many.map((b) => b?.toString('hex') ?? null)).to.deep.equal(['00fffe8041', null]);
      expect(old).to.equal(null);
      expect(prev?.toString('hex')).to.equal('c3');
      expect(gone?.toString('hex')).to.equal('01');
      expect((await rawOf(servers, mode).getBuffer(rawKey(B, '1')))?.toString('hex')).to.equal('00fffe8041');
    });

    it('a stored value the codec cannot read fails that read with a DecodeError naming the key, never NaN', async () => {
      const C = stringKind(mode, Integer);
      await rawOf(servers, mode).set(rawKey(C, 'bad'), 'abc');
      const pipe = pipeline();
      const bad = new C('bad', pipe).get();
      const good = new C('bad', pipe).strlen();
      const error = await rejection(pipe.execute());
      expect(error).to.be.instanceOf(PipelineError);
      expect(good.result).to.equal(3);
      const cause = thrown(() => bad.result);
      expect(cause.cause).to.be.instanceOf(DecodeError);
      expect(cause.message).to.include(rawKey(C, 'bad')).and.include('"abc"');
    });
  });
}

describe('StringKeyspace: refused input (thrown when queued, nothing sent)', () => {
  const counted = useCountedConnection();

  /** Expects `call` to throw `type` at once, with nothing queued on a pipe and nothing sent. */
  async function refused(type: abstract new (...args: never[]) => Error, call: (s: StringKeyspace<never>) => unknown, codec: Codec<unknown> = Text) {
    const S = stringKind({ label: '', connection: undefined, which: 'primary', pipelined: false }, codec);
    counted.proxy.reset();
    const error = thrown(() => call(new S('1') as StringKeyspace<never>));
    expect(error).to.be.instanceOf(type);
    const pipe = pipeline();
    expect(thrown(() => call(new S('1', pipe) as StringKeyspace<never>))).to.be.instanceOf(type);
    expect(pipe.size).to.equal(0);
    await pipe.execute();
    await settle();
    expect(counted.proxy.roundTrips, 'nothing sent').to.equal(0);
    expect(await counted.client.exists(rawKey(S, '1'))).to.equal(0);
    return error;
  }

  it('contradictory SET options: nx with xx, two expiries, an expiry with keepttl', async () => {
    const message = (await refused(InvalidArgumentError, (s) => s.set('v' as never, { nx: true, xx: true }))).message;
    expect(message).to.include('nx and xx');
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { ex: 1, px: 1000 }));
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { exat: 1e9, pxat: 1e12 }));
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { ex: 10, keepttl: true }));
  });

  it('bad times and numbers: ex 0, negative px, fractional seconds, invalid Date, non-integer amounts', async () => {
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { ex: 0 }));
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { px: -5 }));
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { ex: 1.5 }));
    await refused(InvalidArgumentError, (s) => s.set('v' as never, { exat: new Date('nope') }));
    await refused(InvalidArgumentError, (s) => s.setex('v' as never, 0));
    await refused(InvalidArgumentError, (s) => s.psetex('v' as never, 2.5));
    await refused(InvalidArgumentError, (s) => s.incrby(1.5));
    await refused(InvalidArgumentError, (s) => s.decrby(Number.NaN));
    await refused(InvalidArgumentError, (s) => s.incrbyfloat(Infinity));
    await refused(InvalidArgumentError, (s) => s.getrange(0.5, 2));
    await refused(InvalidArgumentError, (s) => s.setrange(-1, 'x' as never));
  });

  it('contradictory GETEX options: two expiries, an expiry with persist', async () => {
    await refused(InvalidArgumentError, (s) => s.getex({ ex: 10, px: 10 }));
    await refused(InvalidArgumentError, (s) => s.getex({ pxat: new Date(), persist: true }));
  });

  it('bad bit arguments: a bit other than 0/1, a negative or huge offset, unit without end, NOT of two ids, no ids', async () => {
    await refused(InvalidArgumentError, (s) => s.setbit(0, 2 as 0));
    await refused(InvalidArgumentError, (s) => s.setbit(-1, 1));
    await refused(InvalidArgumentError, (s) => s.getbit(2 ** 32));
    await refused(InvalidArgumentError, (s) => s.bitpos(1, { start: 0, unit: 'bit' }));
    await refused(InvalidArgumentError, (s) => s.bitcount({ start: 0, end: 1, unit: 'word' as 'bit' }));
    await refused(InvalidArgumentError, (s) => s.bitop('not', ['a', 'b']));
    await refused(InvalidArgumentError, (s) => s.bitop('and', []));
    await refused(InvalidArgumentError, (s) => s.bitop('nand' as 'and', ['a']));
    await refused(InvalidArgumentError, (s) => s.mset({}));
  });

  it('bad ids among the other ids of mget / mset / msetnx / bitop', async () => {
    await refused(InvalidIdError, (s) => s.mget(['ok', '']));
    await refused(InvalidIdError, (s) => s.mget(['a{b}']));
    await refused(InvalidIdError, (s) => s.mset({ ok: 'x', '}': 'y' } as never));
    await refused(InvalidIdError, (s) => s.msetnx(new Map([['', 'x']]) as never));
    await refused(InvalidIdError, (s) => s.bitop('or', [5 as unknown as string]));
  });

  const wrong: [Codec<unknown>, unknown][] = [
    [Text, 5], [Ascii, 'naïve'], [Integer, 1.5], [Integer, '5'], [Float, Number.NaN], [BooleanField, 1],
    [List, { a: 1 }], [Dict, [1]], [StringList, ['a,b']], [Binary, 'text'],
  ];
  for (const [codec, value] of wrong) {
    it(`${codec.name} refuses ${typeof value === 'number' ? String(value) : JSON.stringify(value)} in set / setnx / setex / append / getset / setrange / mset`, async () => {
      const error = await refused(InvalidValueError, (s) => s.set(value as never), codec);
      expect(error.message).to.include(codec.name);
      await refused(InvalidValueError, (s) => s.set(value as never, { get: true }), codec);
      await refused(InvalidValueError, (s) => s.setnx(value as never), codec);
      await refused(InvalidValueError, (s) => s.setex(value as never, 10), codec);
      await refused(InvalidValueError, (s) => s.psetex(value as never, 10), codec);
      await refused(InvalidValueError, (s) => s.append(value as never), codec);
      await refused(InvalidValueError, (s) => s.getset(value as never), codec);
      await refused(InvalidValueError, (s) => s.setrange(0, value as never), codec);
      await refused(InvalidValueError, (s) => s.mset({ 1: value } as never), codec);
      await refused(InvalidValueError, (s) => s.msetnx({ 1: value } as never), codec);
    });
  }
});
