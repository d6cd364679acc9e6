// Acceptance: the looser number forms Python accepts (DESIGN §4c: Float reads "any form float() accepts",
// Integer reads Python's forms), what Python refuses stays refused, and errors name what they should.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, Integer, Float, BooleanField, List, Dict, StringList, type Codec,
  CommandError, DecodeError, InvalidValueError, InvalidArgumentError, SortedSetKeyspace, pipeline,
} from '../../lib/index.js';
import { useConnections, prefix, settle, expectRefused } from './keyspaces-support.js';

describe('acceptance keyspaces: Python number forms and error messages', () => {
  const c = useConnections();

  async function read<V>(codec: Codec<V>, raw: string): Promise<{ value?: V | null; error?: unknown }> {
    const K = class extends StringKeyspace<V> {
      static override keyspace = prefix('pf');
      static override valueCodec = codec as Codec<unknown>;
    };
    await c.raw.set(`${K.keyspace}{x}`, raw);
    try {
      return { value: await settle(new K('x').get()) };
    } catch (error) {
      return { error };
    }
  }

  const floats: [string, number][] = [
    [' 1.5 ', 1.5], ['1_000.5', 1000.5], ['INF', Infinity], ['Infinity', Infinity], ['-infinity', -Infinity],
    ['+.5e-3', 0.0005], ['5.', 5], ['1E5', 100000], ['-0.0', -0], ['1e+16', 1e16],
  ];
  for (const [raw, value] of floats) {
    it(`Float reads Python's ${JSON.stringify(raw)} as ${value}`, async () => {
      const r = await read(Float, raw);
      expect(r.error, String(r.error)).to.equal(undefined);
      expect(Object.is(r.value, value), `${String(r.value)}`).to.equal(true);
    });
  }
  it("Float reads 'nan' and '-nan' as NaN", async () => {
    expect(Number.isNaN((await read(Float, 'nan')).value)).to.equal(true);
    expect(Number.isNaN((await read(Float, '-NaN')).value)).to.equal(true);
  });
  for (const raw of ['0x10', '', '1e', 'abc', '1.5.2', 'Infinityx', '0b1', '1__0', '_1', '1_']) {
    it(`Float refuses to read ${JSON.stringify(raw)} (Python's float() refuses it too)`, async () => {
      const r = await read(Float, raw);
      expect(r.value, 'no silent value').to.equal(undefined);
      expect(r.error).to.be.instanceOf(CommandError);
      expect((r.error as Error).cause).to.be.instanceOf(DecodeError);
    });
  }

  const ints: [string, number][] = [['5', 5], ['-42', -42], ['1_000', 1000], ['1e3', 1000], ['3.0', 3], ['+7', 7], [' 8 ', 8]];
  for (const [raw, value] of ints) {
    it(`Integer reads ${JSON.stringify(raw)} as ${value}`, async () => {
      const r = await read(Integer, raw);
      expect(r.error, String(r.error)).to.equal(undefined);
      expect(r.value).to.equal(value);
    });
  }
  for (const raw of ['0x10', '', '12abc', 'nan', 'inf', '1__0']) {
    it(`Integer refuses to read ${JSON.stringify(raw)}`, async () => {
      const r = await read(Integer, raw);
      expect(r.value, 'no silent value').to.equal(undefined);
      expect((r.error as Error | undefined)?.cause).to.be.instanceOf(DecodeError);
    });
  }

  it('Boolean reads true/false in any case', async () => {
    expect((await read(BooleanField, 'TRUE')).value).to.equal(true);
    expect((await read(BooleanField, 'False')).value).to.equal(false);
  });

  it("List/Dict read Python's NaN/Infinity tokens and surrogate-pair escapes", async () => {
    const l = (await read(List, '[NaN, Infinity, -Infinity, "\\ud83d\\ude00"]')).value as unknown[];
    expect(Number.isNaN(l[0])).to.equal(true);
    expect(l.slice(1)).to.deep.equal([Infinity, -Infinity, '😀']);
    expect((await read(Dict, '{"x": {"y": [1.5, null]}}')).value).to.deep.equal({ x: { y: [1.5, null] } });
  });

  it('StringList reads one item and refuses nothing Python wrote', async () => {
    expect((await read(StringList, 'a')).value).to.deep.equal(['a']);
    expect((await read(StringList, 'a b,c')).value).to.deep.equal(['a b', 'c']);
  });

  it('a DecodeError from a hash names the codec, key, member and raw value', async () => {
    class H extends HashKeyspace<{ visits: number }> {
      static override keyspace = prefix('pfh');
      static override fields = { visits: Integer };
    }
    await c.raw.hset(`${H.keyspace}{1}`, 'visits', 'lots');
    let err: unknown;
    try {
      await settle(new H('1').hgetall());
    } catch (e) {
      err = e;
    }
    const cause = (err as Error).cause as Error;
    expect(cause).to.be.instanceOf(DecodeError);
    for (const part of [`${H.keyspace}{1}`, 'visits', 'lots']) expect(cause.message).to.include(part);
    expect(cause.message.toLowerCase()).to.include('integer');
  });

  it('an InvalidValueError names the codec, key, member and reason', async () => {
    class H extends HashKeyspace<{ visits: number }> {
      static override keyspace = prefix('pfv');
      static override fields = { visits: Integer };
    }
    const err = await expectRefused(InvalidValueError, (p) => new H('1', p).hset('visits', 1.5));
    expect(err.message).to.include(`${H.keyspace}{1}`);
    expect(err.message).to.include('visits');
    expect(err.message.toLowerCase()).to.include('integer');
  });

  it('an InvalidArgumentError names the command and key', async () => {
    class Z extends SortedSetKeyspace { static override keyspace = prefix('pfz'); }
    const err = await expectRefused(InvalidArgumentError, (p) => new Z('1', p).zadd('m', 1, { nx: true, xx: true }));
    expect(err.message.toLowerCase()).to.include('zadd');
    expect(err.message).to.include(`${Z.keyspace}{1}`);
  });

  it('a refused call leaves the pipe usable: the other commands still run', async () => {
    class S extends StringKeyspace<number> { static override keyspace = prefix('pfp'); static override valueCodec = Integer; }
    const pipe = pipeline();
    const ok = new S('a', pipe).set(1);
    expect(() => new S('b', pipe).set(1.5)).to.throw(InvalidValueError);
    const ok2 = new S('c', pipe).set(3);
    expect(pipe.size).to.equal(2);
    await pipe.execute();
    expect([ok.result, ok2.result]).to.deep.equal([true, true]);
    expect(await c.raw.exists(`${S.keyspace}{b}`)).to.equal(0);
  });
});
