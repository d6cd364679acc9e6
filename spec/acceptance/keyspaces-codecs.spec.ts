// Acceptance: values exactly as Python redpipe 4.x writes them decode to equal values, and what we
// write is what Python writes (DESIGN §4c), through keyspaces on a real server.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SetKeyspace, BooleanField, Integer, Float, List, Dict, StringList, Text, Binary, Ascii,
  type Codec, CommandError, DecodeError, pipeline,
} from '../../lib/index.js';
import { useConnections, prefix, settle } from './keyspaces-support.js';

describe('acceptance keyspaces: Python redpipe wire formats', () => {
  const c = useConnections();

  function stringsOf<V>(codec: Codec<V>) {
    return class Values extends StringKeyspace<V> {
      static override keyspace = prefix('py');
      static override valueCodec = codec as Codec<unknown>;
    };
  }

  /** Writes `raw` with the raw client, reads it back through a keyspace of `codec`. */
  async function decode<V>(codec: Codec<V>, raw: string): Promise<V | null> {
    const K = stringsOf(codec);
    await c.raw.set(`${K.keyspace}{x}`, raw);
    return settle(new K('x').get());
  }
  /** Writes `value` through a keyspace of `codec`, returns what Redis holds. */
  async function encode<V>(codec: Codec<V>, value: V): Promise<string | null> {
    const K = stringsOf(codec);
    await settle(new K('x').set(value));
    return c.raw.get(`${K.keyspace}{x}`);
  }

  const reads: [string, Codec<any>, string, unknown][] = [
    ['Boolean empty', BooleanField, '', false],
    ['Boolean 1', BooleanField, '1', true],
    ['Boolean 0 (redpipe read it as true; fixed)', BooleanField, '0', false],
    ['Boolean true', BooleanField, 'true', true],
    ['Boolean false', BooleanField, 'false', false],
    ['Integer 5', Integer, '5', 5],
    ['Integer -42', Integer, '-42', -42],
    ['Integer 1e3', Integer, '1e3', 1000],
    ['Integer 3.0', Integer, '3.0', 3],
    ['Float 1e+16', Float, '1e+16', 1e16],
    ['Float 1e-05', Float, '1e-05', 1e-5],
    ['Float 0.30000000000000004', Float, '0.30000000000000004', 0.1 + 0.2],
    ['Float 3.0', Float, '3.0', 3],
    ['Float inf', Float, 'inf', Infinity],
    ['Float -inf', Float, '-inf', -Infinity],
    ['List [1, "a"]', List, '[1, "a"]', [1, 'a']],
    ['Dict {"a": 1}', Dict, '{"a": 1}', { a: 1 }],
    ['Dict with \\u00e9 escapes', Dict, '{"caf\\u00e9": "\\u00e9t\\u00e9", "n": [1, 2.5, null, true]}', { 'café': 'été', n: [1, 2.5, null, true] }],
    ['List with \\u00e9 escapes', List, '["\\u00e9", {"k": "v"}]', ['é', { k: 'v' }]],
    ['StringList a,b,c', StringList, 'a,b,c', ['a', 'b', 'c']],
    ['StringList empty', StringList, '', []],
    ['Text utf-8', Text, 'héllo ✓', 'héllo ✓'],
  ];
  for (const [name, codec, raw, value] of reads) {
    it(`reads ${name}`, async () => {
      expect(await decode(codec, raw)).to.deep.equal(value);
    });
  }

  it('reads Float nan as NaN', async () => {
    expect(Number.isNaN(await decode(Float, 'nan'))).to.equal(true);
  });

  const writes: [string, Codec<any>, unknown, string][] = [
    ['Boolean true', BooleanField, true, '1'],
    ['Boolean false', BooleanField, false, ''],
    ['Integer 5', Integer, 5, '5'],
    ['Integer -42', Integer, -42, '-42'],
    ['Float 1e16', Float, 1e16, '1e+16'],
    ['Float 1e-5', Float, 1e-5, '1e-05'],
    ['Float 0.1+0.2', Float, 0.1 + 0.2, '0.30000000000000004'],
    ['Float 0.1', Float, 0.1, '0.1'],
    ['Float -0', Float, -0, '-0'],
    ['Float Infinity', Float, Infinity, 'inf'],
    ['Float -Infinity', Float, -Infinity, '-inf'],
    ['StringList', StringList, ['a', 'b', 'c'], 'a,b,c'],
    ['StringList empty', StringList, [], ''],
    ['Text', Text, 'héllo', 'héllo'],
  ];
  for (const [name, codec, value, raw] of writes) {
    it(`writes ${name} as ${JSON.stringify(raw)}`, async () => {
      expect(await encode(codec, value)).to.equal(raw);
    });
  }

  it('writes List and Dict as JSON that reads back equal', async () => {
    const l = await encode(List, [1, 'a', { b: [true, null] }, 'é']);
    expect(JSON.parse(l!)).to.deep.equal([1, 'a', { b: [true, null] }, 'é']);
    const d = await encode(Dict, { a: 1, 'é': 'ü' });
    expect(JSON.parse(d!)).to.deep.equal({ a: 1, 'é': 'ü' });
  });

  it('Binary writes and reads the exact bytes as a Buffer', async () => {
    const bytes = Buffer.from([0, 255, 128, 10, 0xc3]);
    const W = stringsOf(Binary);
    await settle(new W('w').set(bytes));
    expect(Buffer.compare((await c.raw.getBuffer(`${W.keyspace}{w}`))!, bytes)).to.equal(0);
    const K = stringsOf(Binary);
    await c.raw.set(`${K.keyspace}{b}`, bytes);
    const back = await settle(new K('b').get());
    expect(Buffer.isBuffer(back)).to.equal(true);
    expect(Buffer.compare(back!, bytes)).to.equal(0);
  });

  it('Ascii round trips printable ASCII', async () => {
    expect(await encode(Ascii, 'Hello, ~world!')).to.equal('Hello, ~world!');
    expect(await decode(Ascii, 'plain')).to.equal('plain');
  });

  it('hash members written by Python decode per field codec', async () => {
    const P = class Py extends HashKeyspace<{ ok: boolean; n: number; f: number; l: unknown[]; d: Record<string, unknown>; s: string[] }> {
      static override keyspace = prefix('pyh');
      static override fields = { ok: BooleanField, n: Integer, f: Float, l: List, d: Dict, s: StringList };
    };
    await c.raw.hset(`${P.keyspace}{1}`, {
      ok: '', n: '5', f: '1e-05', l: '[1, "a"]', d: '{"a": 1, "\\u00e9": "x"}', s: 'a,b,c', other: 'kept',
    });
    const all = await settle(new P('1').hgetall());
    expect(all).to.deep.equal({ ok: false, n: 5, f: 1e-5, l: [1, 'a'], d: { a: 1, 'é': 'x' }, s: ['a', 'b', 'c'], other: 'kept' });
  });

  it('set members go through the value codec both ways', async () => {
    const T = class Flags extends SetKeyspace<number> {
      static override keyspace = prefix('pys');
      static override valueCodec = Float;
    };
    await settle(new T('1').sadd([1e16, 1e-5]));
    expect((await c.raw.smembers(`${T.keyspace}{1}`)).sort()).to.deep.equal(['1e+16', '1e-05']);
    expect([...(await settle(new T('1').smembers()))].sort()).to.deep.equal([1e-5, 1e16]);
  });

  it('a stored value the codec cannot read fails that read with a DecodeError cause, never NaN', async () => {
    const K = stringsOf(Integer);
    await c.raw.set(`${K.keyspace}{bad}`, 'not a number');
    await c.raw.set(`${K.keyspace}{good}`, '7');
    const pipe = pipeline();
    const bad = new K('bad', pipe).get();
    const good = new K('good', pipe).get();
    let executeError: unknown;
    await pipe.execute().catch((e: unknown) => { executeError = e; });
    expect(executeError, 'execute rejects, listing the failed command').to.be.instanceOf(Error);
    expect(good.result).to.equal(7);
    let err: unknown;
    try {
      void bad.result;
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(CommandError);
    const cause = (err as Error).cause;
    expect(cause).to.be.instanceOf(DecodeError);
    expect(String((cause as Error).message)).to.include('not a number');
    expect(String((cause as Error).message)).to.include(`${K.keyspace}{bad}`);
  });
});
