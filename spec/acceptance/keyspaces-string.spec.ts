// Acceptance: StringKeyspace, every command the keyspaces issue lists, checked against real Redis.
import { expect } from 'chai';
import { StringKeyspace, Integer, Float, Binary, pipeline } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle } from './keyspaces-support.js';

describe('acceptance keyspaces: StringKeyspace', () => {
  const c = useConnections();

  function textSpace() {
    return class Names extends StringKeyspace {
      static override keyspace = prefix('S');
    };
  }
  function counterSpace() {
    return class Counters extends StringKeyspace<number> {
      static override keyspace = prefix('C');
      static override valueCodec = Integer;
    };
  }

  it('get/set round trip: null for missing, prefix{id} key visible in Redis', async () => {
    const S = textSpace();
    const r = await inPipe((p) => ({
      missing: new S('1', p).get(),
      set: new S('1', p).set('héllo'),
      got: new S('1', p).get(),
    }));
    expect(r.missing.result).to.equal(null);
    expect(r.set.result).to.equal(true);
    expect(r.got.result).to.equal('héllo');
    expect(await c.raw.get(`${S.keyspace}{1}`)).to.equal('héllo');
    expect(new S('1').key).to.equal(`${S.keyspace}{1}`);
  });

  it('without a pipe each call is its own round trip', async () => {
    const S = textSpace();
    const s = new S('solo');
    expect(await settle(s.set('x'))).to.equal(true);
    expect(await settle(s.get())).to.equal('x');
  });

  it('set options ex/px/nx/xx/get/keepttl', async () => {
    const S = textSpace();
    const r = await inPipe((p) => {
      const s = new S('o', p);
      return {
        xxMissing: s.set('a', { xx: true }),
        nx1: s.set('a', { nx: true, ex: 100 }),
        nx2: s.set('b', { nx: true }),
        ttl: s.ttl(),
        xx: s.set('c', { xx: true, px: 50_000 }),
        pttl: s.pttl(),
        old: s.set('d', { get: true }),
        keep: s.set('e', { keepttl: true }),
        now: s.get(),
      };
    });
    expect(r.xxMissing.result).to.equal(false);
    expect(r.nx1.result).to.equal(true);
    expect(r.nx2.result).to.equal(false);
    expect(r.ttl.result).to.be.within(90, 100);
    expect(r.xx.result).to.equal(true);
    expect(r.pttl.result).to.be.within(40_000, 50_000);
    expect(r.old.result).to.equal('c');
    expect(r.keep.result).to.equal(true);
    expect(r.now.result).to.equal('e');
  });

  it('setnx (boolean), setex, psetex', async () => {
    const S = textSpace();
    const r = await inPipe((p) => ({
      a: new S('n', p).setnx('1'),
      b: new S('n', p).setnx('2'),
      ex: new S('e', p).setex('v', 30),
      px: new S('p', p).psetex('v', 30_000),
      ttl: new S('e', p).ttl(),
      pttl: new S('p', p).pttl(),
      n: new S('n', p).get(),
    }));
    expect(r.a.result).to.equal(true);
    expect(r.b.result).to.equal(false);
    expect(r.n.result).to.equal('1');
    expect(r.ttl.result).to.be.within(25, 30);
    expect(r.pttl.result).to.be.within(25_000, 30_000);
  });

  it('append, strlen, substr, getrange, setrange', async () => {
    const S = textSpace();
    const r = await inPipe((p) => {
      const s = new S('t', p);
      return {
        len0: s.strlen(),
        app1: s.append('Hello'),
        app2: s.append(' World'),
        len: s.strlen(),
        sub: s.substr(0, 4),
        subTail: s.substr(6),
        range: s.getrange(-5, -1),
        setr: s.setrange(6, 'Redis'),
        v: s.get(),
      };
    });
    expect(r.len0.result).to.equal(0);
    expect(r.app1.result).to.equal(5);
    expect(r.app2.result).to.equal(11);
    expect(r.len.result).to.equal(11);
    expect(r.sub.result).to.equal('Hello');
    expect(r.subTail.result).to.equal('World');
    expect(r.range.result).to.equal('World');
    expect(r.setr.result).to.equal(11);
    expect(r.v.result).to.equal('Hello Redis');
  });

  it('setbit, getbit, bitcount, bitpos, bitop over other ids', async () => {
    const S = class Bits extends StringKeyspace<Buffer> {
      static override keyspace = prefix('B');
      static override valueCodec = Binary;
    };
    const r = await inPipe((p) => {
      const a = new S('a', p);
      const b = new S('b', p);
      return {
        old: a.setbit(7, 1),
        again: a.setbit(7, 1),
        b1: b.setbit(6, 1),
        bit: a.getbit(7),
        zero: a.getbit(100),
        count: a.bitcount(),
        countRange: a.bitcount({ start: 0, end: 0 }),
        pos: a.bitpos(1),
        pos0: a.bitpos(0, { start: 0 }),
        or: new S('or', p).bitop('or', ['a', 'b']),
        orValue: new S('or', p).get(),
        not: new S('not', p).bitop('not', 'a'),
      };
    });
    expect(r.old.result).to.equal(0);
    expect(r.again.result).to.equal(1);
    expect(r.bit.result).to.equal(1);
    expect(r.zero.result).to.equal(0);
    expect(r.count.result).to.equal(1);
    expect(r.countRange.result).to.equal(1);
    expect(r.pos.result).to.equal(7);
    expect(r.pos0.result).to.equal(0);
    expect(r.or.result).to.equal(1);
    expect(Buffer.isBuffer(r.orValue.result)).to.equal(true);
    expect([...r.orValue.result!]).to.deep.equal([0b0000_0011]);
    expect(r.not.result).to.equal(1);
  });

  it('incr, incrby, decr, decrby, incrbyfloat: numbers', async () => {
    const C = counterSpace();
    const r = await inPipe((p) => {
      const n = new C('n', p);
      return {
        i: n.incr(),
        ib: n.incrby(10),
        d: n.decr(),
        db: n.decrby(5),
        v: n.get(),
        f: new C('f', p).incrbyfloat(0.5),
        f2: new C('f', p).incrbyfloat(0.25),
      };
    });
    expect(r.i.result).to.equal(1);
    expect(r.ib.result).to.equal(11);
    expect(r.d.result).to.equal(10);
    expect(r.db.result).to.equal(5);
    expect(r.v.result).to.equal(5);
    expect(r.f.result).to.equal(0.5);
    expect(r.f2.result).to.equal(0.75);
    expect(await c.raw.get(`${C.keyspace}{n}`)).to.equal('5');
  });

  it('getdel, getex (ex / persist), getset', async () => {
    const S = textSpace();
    await settle(new S('g').set('v'));
    const r = await inPipe((p) => {
      const g = new S('g', p);
      return {
        ex: g.getex({ ex: 60 }),
        ttl: g.ttl(),
        persist: g.getex({ persist: true }),
        ttl2: g.ttl(),
        gs: g.getset('w'),
        del: g.getdel(),
        after: g.get(),
        delMissing: g.getdel(),
        exMissing: g.getex(),
      };
    });
    expect(r.ex.result).to.equal('v');
    expect(r.ttl.result).to.be.within(55, 60);
    expect(r.persist.result).to.equal('v');
    expect(r.ttl2.result).to.equal(-1);
    expect(r.gs.result).to.equal('v');
    expect(r.del.result).to.equal('w');
    expect(r.after.result).to.equal(null);
    expect(r.delMissing.result).to.equal(null);
    expect(r.exMissing.result).to.equal(null);
  });

  it('mget takes other ids (one or an array), null for missing, decoded', async () => {
    const C = counterSpace();
    const r = await inPipe((p) => {
      new C('1', p).set(1);
      new C('2', p).set(2);
      return {
        one: new C('1', p).mget('2'),
        many: new C('1', p).mget(['missing', '2']),
        alone: new C('2', p).mget(),
      };
    });
    expect(r.one.result).to.deep.equal([1, 2]);
    expect(r.many.result).to.deep.equal([1, null, 2]);
    expect(r.alone.result).to.deep.equal([2]);
  });

  it('mset / msetnx of ids to values (object or Map), on the same connection', async () => {
    const C = counterSpace();
    const r = await inPipe((p) => ({
      mset: new C('x', p).mset({ x: 1, y: 2 }),
      msetnx1: new C('x', p).msetnx(new Map([['z', 3], ['y', 9]])),
      msetnx2: new C('x', p).msetnx({ w: 4 }),
      all: new C('x', p).mget(['y', 'z', 'w']),
    }));
    expect(r.msetnx1.result).to.equal(false);
    expect(r.msetnx2.result).to.equal(true);
    expect(r.all.result).to.deep.equal([1, 2, null, 4]);
    expect(await c.raw.get(`${C.keyspace}{y}`)).to.equal('2');
  });

  it('Float values round trip through incrbyfloat and set', async () => {
    const F = class Prices extends StringKeyspace<number> {
      static override keyspace = prefix('F');
      static override valueCodec = Float;
    };
    const r = await inPipe((p) => ({
      s: new F('a', p).set(0.1),
      inc: new F('a', p).incrbyfloat(0.2),
      v: new F('a', p).get(),
    }));
    expect(r.inc.result).to.be.closeTo(0.3, 1e-12);
    expect(r.v.result).to.be.closeTo(0.3, 1e-12);
  });

  it('a failing command fails only its own deferred', async () => {
    const S = textSpace();
    const pipe = pipeline();
    const ok = new S('ok', pipe).set('v');
    const bad = new S('ok', pipe).incr();
    let err: unknown;
    await pipe.execute().catch((e: unknown) => { err = e; });
    expect(err).to.be.instanceOf(Error);
    expect(ok.result).to.equal(true);
    expect(() => bad.result).to.throw();
  });
});
