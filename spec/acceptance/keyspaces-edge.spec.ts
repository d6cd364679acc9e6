// Acceptance: edge cases a demanding user hits — codecs on every data type, odd member names and ids,
// precision, non-UTF-8 bytes, round trips of scripts and sharded reads.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SetKeyspace, ListKeyspace, SortedSetKeyspace, HyperLogLogKeyspace, HashedStringKeyspace,
  Integer, Float, Binary, List, CommandError, DecodeError, InvalidValueError, pipeline,
} from '../../lib/index.js';
import { useConnections, proxiedDefault, prefix, inPipe, settle, collect, expectRefused } from './keyspaces-support.js';

async function failure(d: { promise: Promise<unknown> }): Promise<unknown> {
  try {
    await d.promise;
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('acceptance keyspaces: edge cases', () => {
  const c = useConnections();

  it('hash members named like Object.prototype properties are plain members', async () => {
    class H extends HashKeyspace<Record<string, unknown>> {
      static override keyspace = prefix('proto');
      static override fields = { n: Integer };
    }
    const key = `${H.keyspace}{1}`;
    await c.raw.hset(key, 'constructor', 'c', 'toString', 't', 'hasOwnProperty', 'h', '__proto__', 'p', 'valueOf', 'v', 'n', '1');
    const all = await settle(new H('1').hgetall());
    expect(Object.keys(all).sort()).to.deep.equal(['__proto__', 'constructor', 'hasOwnProperty', 'n', 'toString', 'valueOf']);
    expect(Object.getOwnPropertyDescriptor(all, '__proto__')?.value).to.equal('p');
    expect(all.constructor).to.equal('c');
    expect(all.n).to.equal(1);
    expect(await settle(new H('1').hget('toString'))).to.equal('t');
    expect(await settle(new H('1').hget('__proto__'))).to.equal('p');
    expect(await settle(new H('1').hmget(['constructor', 'valueOf']))).to.deep.equal(['c', 'v']);
    expect(await settle(new H('1').hset('hasOwnProperty', 'H2'))).to.equal(0);
    expect(await c.raw.hget(key, 'hasOwnProperty')).to.equal('H2');
  });

  it("a single other id 'ab' is one id, never the ids 'a' and 'b'", async () => {
    class T extends SetKeyspace { static override keyspace = prefix('one-t'); }
    class Z extends SortedSetKeyspace { static override keyspace = prefix('one-z'); }
    class S extends StringKeyspace { static override keyspace = prefix('one-s'); }
    class P extends HyperLogLogKeyspace { static override keyspace = prefix('one-p'); }
    const r = await inPipe((p) => {
      for (const id of ['me', 'a', 'b', 'ab']) {
        new T(id, p).sadd(['x', id]);
        new Z(id, p).zadd(id, 1);
        new S(id, p).set(id);
        new P(id, p).pfadd(id);
      }
      return {
        union: new T('me', p).sunion('ab'),
        zstore: new Z('out', p).zunionstore('ab'),
        zout: new Z('out', p).zrange(0, -1),
        mget: new S('me', p).mget('ab'),
        pf: new P('me', p).pfcount('ab'),
      };
    });
    expect([...r.union.result].sort()).to.deep.equal(['ab', 'me', 'x']);
    expect(r.zout.result).to.deep.equal(['ab']);
    expect(r.mget.result).to.deep.equal(['me', 'ab']);
    expect(r.pf.result).to.equal(2);
  });

  it('ids with spaces, colons, unicode and glob characters round trip through keys and scanIds', async () => {
    class S extends StringKeyspace { static override keyspace = prefix('ids'); }
    const ids = ['a b', 'x:y', 'é✓', '*', 'a?b', '[x]', 'back\\slash'];
    await inPipe((p) => ids.forEach((id) => new S(id, p).set(id)));
    for (const id of ids) expect(await c.raw.get(`${S.keyspace}{${id}}`)).to.equal(id);
    expect((await collect(S.scanIds())).sort()).to.deep.equal([...ids].sort());
    expect(await collect(S.scanIds({ match: 'x:*' }))).to.deep.equal(['x:y']);
  });

  it('Text never turns bytes that are not UTF-8 into U+FFFD: the read fails with a DecodeError', async () => {
    class S extends StringKeyspace { static override keyspace = prefix('utf'); }
    class T extends SetKeyspace { static override keyspace = prefix('utfs'); }
    await c.raw.set(`${S.keyspace}{1}`, Buffer.from([0x61, 0xff, 0x62]));
    await c.raw.sadd(`${T.keyspace}{1}`, Buffer.from([0xc3]));
    const err = await failure(new S('1').get());
    expect(err).to.be.instanceOf(CommandError);
    expect((err as Error).cause).to.be.instanceOf(DecodeError);
    const err2 = await failure(new T('1').smembers());
    expect((err2 as Error).cause).to.be.instanceOf(DecodeError);
  });

  it('Integer reads beyond 2^53 fail instead of losing precision', async () => {
    class N extends StringKeyspace<number> {
      static override keyspace = prefix('big');
      static override valueCodec = Integer;
    }
    await c.raw.set(`${N.keyspace}{1}`, '9007199254740993');
    const err = await failure(new N('1').get());
    expect(err).to.be.instanceOf(CommandError);
    expect((err as Error).cause).to.be.instanceOf(DecodeError);
    await expectRefused(InvalidValueError, (p) => new N('1', p).set(9007199254740992));
    expect(await settle(new N('2').set(9007199254740991))).to.equal(true);
    expect(await settle(new N('2').get())).to.equal(9007199254740991);
  });

  it('Binary members and values come back as exact Buffers in sets, lists, sorted sets and hashes', async () => {
    const bytes = [Buffer.from([0xff, 0x00]), Buffer.from([0x80, 0x81, 0x82])];
    class T extends SetKeyspace<Buffer> { static override keyspace = prefix('bs'); static override valueCodec = Binary; }
    class L extends ListKeyspace<Buffer> { static override keyspace = prefix('bl'); static override valueCodec = Binary; }
    class Z extends SortedSetKeyspace<Buffer> { static override keyspace = prefix('bz'); static override valueCodec = Binary; }
    class H extends HashKeyspace<{ raw: Buffer; name: string }> {
      static override keyspace = prefix('bh');
      static override fields = { raw: Binary };
    }
    const r = await inPipe((p) => ({
      t: new T('1', p).sadd(bytes),
      tm: new T('1', p).smembers(),
      l: new L('1', p).rpush(bytes),
      lr: new L('1', p).lrange(0, -1),
      z: new Z('1', p).zadd([[bytes[0], 1], [bytes[1], 2]]),
      zr: new Z('1', p).zrange(0, -1, { withScores: true }),
      zs: new Z('1', p).zscore(bytes[1]),
      h: new H('1', p).hset({ raw: bytes[0], name: 'é' }),
      ha: new H('1', p).hgetall(),
      hg: new H('1', p).hget('raw'),
    }));
    const hex = (b: Buffer) => b.toString('hex');
    expect(r.tm.result.map(hex).sort()).to.deep.equal(bytes.map(hex).sort());
    expect(r.lr.result.map(hex)).to.deep.equal(bytes.map(hex));
    expect(r.zr.result.map(([m, s]) => [hex(m), s])).to.deep.equal([[hex(bytes[0]), 1], [hex(bytes[1]), 2]]);
    expect(r.zs.result).to.equal(2);
    expect(Buffer.isBuffer(r.ha.result.raw)).to.equal(true);
    expect(hex(r.ha.result.raw!)).to.equal('ff00');
    expect(r.ha.result.name).to.equal('é');
    expect(hex(r.hg.result!)).to.equal('ff00');
    const scanned = await collect(new T('1').sscan());
    expect(scanned.map(hex).sort()).to.deep.equal(bytes.map(hex).sort());
    const hscanned = await collect(new H('1').hscan());
    expect(hscanned.find(([m]) => m === 'raw')?.[1]).to.satisfy((b: unknown) => Buffer.isBuffer(b) && hex(b) === 'ff00');
  });

  it('sorted sets: infinite scores, float precision of zincrby, Integer members, lex bounds as objects', async () => {
    class Z extends SortedSetKeyspace { static override keyspace = prefix('zf'); }
    class N extends SortedSetKeyspace<number> { static override keyspace = prefix('zn'); static override valueCodec = Integer; }
    const r = await inPipe((p) => ({
      inf: new Z('1', p).zadd({ top: Infinity, bottom: -Infinity }),
      infScore: new Z('1', p).zscore('top'),
      all: new Z('1', p).zrange(0, -1, { withScores: true }),
      inc1: new Z('2', p).zincrby('m', 0.1),
      inc2: new Z('2', p).zincrby('m', 0.2),
      n: new N('1', p).zadd(new Map([[10, 1], [2, 2]])),
      nr: new N('1', p).zrangebyscore('-inf', '+inf'),
      nrank: new N('1', p).zrank(2),
      lex: new Z('3', p).zadd({ a: 0, b: 0, c: 0 }),
      lexr: new Z('3', p).zrangebylex({ value: 'a', exclusive: true }, { value: 'c' }),
    }));
    expect(r.infScore.result).to.equal(Infinity);
    expect(r.all.result).to.deep.equal([['bottom', -Infinity], ['top', Infinity]]);
    expect(r.inc2.result).to.equal(0.1 + 0.2);
    expect(r.nr.result).to.deep.equal([10, 2]);
    expect(r.nrank.result).to.equal(1);
    expect(r.lexr.result).to.deep.equal(['b', 'c']);
  });

  it('blpop and bzpopmin parse ids back through a custom key template', async () => {
    const tpl = (ks: string, id: string) => `${ks}:q:${id}`;
    class L extends ListKeyspace { static override keyspace = prefix('tl'); static override keyTemplate = tpl; }
    class Z extends SortedSetKeyspace { static override keyspace = prefix('tz'); static override keyTemplate = tpl; }
    await c.raw.rpush(`${L.keyspace}:q:other`, 'v');
    await c.raw.zadd(`${Z.keyspace}:q:other`, 3, 'm');
    expect(await settle(new L('me').blpop(1, 'other'))).to.deep.equal(['other', 'v']);
    expect(await settle(new Z('me').bzpopmin(1, ['other']))).to.deep.equal(['other', 'm', 3]);
  });

  it('eval loads the script and runs it in one round trip, even for a script the server never saw', async () => {
    const proxy = await proxiedDefault();
    class S extends StringKeyspace { static override keyspace = prefix('ev'); }
    const body = `return redis.call('SET', KEYS[1], ARGV[1]) and '${prefix('unique')}'`;
    const d = new S('1').eval<string>(body, { args: ['x'] });
    await d.promise;
    expect(proxy.roundTrips).to.equal(1);
    expect(await c.raw.get(`${S.keyspace}{1}`)).to.equal('x');
  });

  it('eval on a named connection runs on that server', async () => {
    class S extends StringKeyspace { static override keyspace = prefix('evu'); static override connection = 'users'; }
    const body = `redis.call('SET', KEYS[1], '${prefix('v')}') return 1`;
    expect(await settle(new S('1').eval<number>(body))).to.equal(1);
    expect(await c.rawUsers.exists(`${S.keyspace}{1}`)).to.equal(1);
  });

  it('HashedString mget across many shards is one round trip', async () => {
    class E extends HashedStringKeyspace { static override keyspace = prefix('hm'); }
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    await inPipe((p) => keys.forEach((k) => new E(k, p).set(k.toUpperCase())));
    const proxy = await proxiedDefault();
    const got = await settle(new E(keys[0]).mget(keys.slice(1)));
    expect(got).to.deep.equal(keys.map((k) => k.toUpperCase()));
    expect(proxy.roundTrips).to.equal(1);
  });

  it('HashedString values go through the codec and refuse bad values when queued', async () => {
    class E extends HashedStringKeyspace<number> {
      static override keyspace = prefix('hf');
      static override valueCodec = Float;
    }
    await settle(new E('a').set(1e16));
    expect(await c.raw.hget(`${E.keyspace}{${E.shard('a')}}`, 'a')).to.equal('1e+16');
    expect(await settle(new E('a').get())).to.equal(1e16);
    await expectRefused(InvalidValueError, (p) => new E('a', p).set(NaN));
  });

  it('HashedString on a named connection and with List values', async () => {
    class E extends HashedStringKeyspace<unknown[]> {
      static override keyspace = prefix('hu');
      static override connection = 'users';
      static override valueCodec = List;
    }
    await settle(new E('k').set([1, 'a']));
    expect(JSON.parse((await c.rawUsers.hget(`${E.keyspace}{${E.shard('k')}}`, 'k'))!)).to.deep.equal([1, 'a']);
    expect(await settle(new E('k').get())).to.deep.equal([1, 'a']);
  });

  it('HyperLogLog values go through the value codec', async () => {
    class P extends HyperLogLogKeyspace<number> { static override keyspace = prefix('hll'); static override valueCodec = Integer; }
    expect(await settle(new P('1').pfadd([1, 2, 2, 3]))).to.equal(true);
    expect(await settle(new P('1').pfcount())).to.equal(3);
    await expectRefused(InvalidValueError, (p) => new P('1', p).pfadd(1.5));
  });

  it('a deferred is not ready before the pipe executes; a pipe of keyspace calls on two connections executes once', async () => {
    class A extends StringKeyspace { static override keyspace = prefix('two'); }
    class B extends StringKeyspace { static override keyspace = prefix('two'); static override connection = 'users'; }
    const pipe = pipeline();
    const a = new A('1', pipe).set('a');
    const b = new B('1', pipe).set('b');
    expect(a.ready).to.equal(false);
    await pipe.execute();
    await pipe.execute();
    expect([a.result, b.result]).to.deep.equal([true, true]);
    expect(await c.raw.get(`${A.keyspace}{1}`)).to.equal('a');
    expect(await c.rawUsers.get(`${B.keyspace}{1}`)).to.equal('b');
  });
});
