// Acceptance: ListKeyspace against real Redis, blocking commands included.
import { expect } from 'chai';
import { ListKeyspace, Integer, List } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle } from './keyspaces-support.js';

describe('acceptance keyspaces: ListKeyspace', () => {
  const c = useConnections();

  function queue() {
    return class Queue extends ListKeyspace {
      static override keyspace = prefix('Q');
    };
  }

  it('lpush/rpush one value or an array; lrange, llen, lindex; key visible in Redis', async () => {
    const Q = queue();
    const r = await inPipe((p) => {
      const q = new Q('q', p);
      return {
        r1: q.rpush('b'),
        r2: q.rpush(['c', 'd']),
        l1: q.lpush('a'),
        l2: q.lpush(['y', 'z']),
        all: q.lrange(0, -1),
        part: q.lrange(1, 2),
        len: q.llen(),
        idx: q.lindex(-1),
        idxMissing: q.lindex(99),
        lenMissing: new Q('none', p).llen(),
        rangeMissing: new Q('none', p).lrange(0, -1),
      };
    });
    expect(r.r1.result).to.equal(1);
    expect(r.r2.result).to.equal(3);
    expect(r.l1.result).to.equal(4);
    expect(r.l2.result).to.equal(6);
    expect(r.all.result).to.deep.equal(['z', 'y', 'a', 'b', 'c', 'd']);
    expect(r.part.result).to.deep.equal(['y', 'a']);
    expect(r.len.result).to.equal(6);
    expect(r.idx.result).to.equal('d');
    expect(r.idxMissing.result).to.equal(null);
    expect(r.lenMissing.result).to.equal(0);
    expect(r.rangeMissing.result).to.deep.equal([]);
    expect(await c.raw.lrange(`${Q.keyspace}{q}`, 0, -1)).to.deep.equal(['z', 'y', 'a', 'b', 'c', 'd']);
  });

  it('a single string value is pushed whole', async () => {
    const Q = queue();
    expect(await settle(new Q('w').rpush('abc'))).to.equal(1);
    expect(await c.raw.lrange(`${Q.keyspace}{w}`, 0, -1)).to.deep.equal(['abc']);
  });

  it('lpop/rpop: one (null when empty) or a count (array)', async () => {
    const Q = queue();
    const r = await inPipe((p) => {
      const q = new Q('p', p);
      q.rpush(['a', 'b', 'c', 'd', 'e']);
      return {
        l: q.lpop(),
        r: q.rpop(),
        ln: q.lpop(2),
        rn: q.rpop(5),
        empty: q.lpop(),
        emptyR: q.rpop(),
      };
    });
    expect(r.l.result).to.equal('a');
    expect(r.r.result).to.equal('e');
    expect(r.ln.result).to.deep.equal(['b', 'c']);
    expect(r.rn.result).to.deep.equal(['d']);
    expect(r.empty.result).to.equal(null);
    expect(r.emptyR.result).to.equal(null);
  });

  it('lset, ltrim, lrem, linsert, lpushx/rpushx', async () => {
    const Q = queue();
    const r = await inPipe((p) => {
      const q = new Q('m', p);
      return {
        pxMissing: q.lpushx('x'),
        rxMissing: q.rpushx(['x']),
        push: q.rpush(['a', 'b', 'a', 'c', 'a']),
        px: q.lpushx('h'),
        rx: q.rpushx(['t1', 't2']),
        set: q.lset(0, 'H'),
        rem: q.lrem('a', 2),
        ins: q.linsert('before', 'c', 'b2'),
        insAfter: q.linsert('after', 'c', 'c2'),
        insNone: q.linsert('before', 'zz', 'q'),
        trim: q.ltrim(0, 3),
        all: q.lrange(0, -1),
      };
    });
    expect(r.pxMissing.result).to.equal(0);
    expect(r.rxMissing.result).to.equal(0);
    expect(r.px.result).to.equal(6);
    expect(r.rx.result).to.equal(8);
    expect(r.rem.result).to.equal(2);
    expect(r.ins.result).to.equal(7);
    expect(r.insAfter.result).to.equal(8);
    expect(r.insNone.result).to.equal(-1);
    expect(r.all.result).to.deep.equal(['H', 'b', 'b2', 'c']);
  });

  it('lpos: first index, rank, count; null when absent', async () => {
    const Q = queue();
    const r = await inPipe((p) => {
      const q = new Q('pos', p);
      q.rpush(['a', 'b', 'c', 'b', 'b']);
      return {
        first: q.lpos('b'),
        second: q.lpos('b', { rank: 2 }),
        all: q.lpos('b', { count: 0 }),
        two: q.lpos('b', { count: 2 }),
        none: q.lpos('z'),
      };
    });
    expect(r.first.result).to.equal(1);
    expect(r.second.result).to.equal(3);
    expect(r.all.result).to.deep.equal([1, 3, 4]);
    expect(r.two.result).to.deep.equal([1, 3]);
    expect(r.none.result).to.equal(null);
  });

  it('lmove, rpoplpush to other ids; null when the source is empty', async () => {
    const Q = queue();
    const r = await inPipe((p) => {
      new Q('src', p).rpush(['1', '2', '3']);
      return {
        mv: new Q('src', p).lmove('dst', 'left', 'right'),
        rpl: new Q('src', p).rpoplpush('dst'),
        dst: new Q('dst', p).lrange(0, -1),
        none: new Q('empty', p).lmove('dst', 'left', 'left'),
        noneR: new Q('empty', p).rpoplpush('dst'),
      };
    });
    expect(r.mv.result).to.equal('1');
    expect(r.rpl.result).to.equal('3');
    expect(r.dst.result).to.deep.equal(['3', '1']);
    expect(r.none.result).to.equal(null);
    expect(r.noneR.result).to.equal(null);
  });

  it('blpop/brpop over this and other ids answer [id, value]; null on timeout', async () => {
    const Q = queue();
    await settle(new Q('b2').rpush(['x', 'y']));
    expect(await settle(new Q('b1').blpop(1, 'b2'))).to.deep.equal(['b2', 'x']);
    expect(await settle(new Q('b1').brpop(1, ['b3', 'b2']))).to.deep.equal(['b2', 'y']);
    expect(await settle(new Q('b1').blpop(0.1))).to.equal(null);
  });

  it('brpoplpush and blmove wait for a value; null on timeout', async () => {
    const Q = queue();
    await settle(new Q('s').rpush(['1', '2']));
    expect(await settle(new Q('s').brpoplpush('d', 1))).to.equal('2');
    expect(await settle(new Q('s').blmove('d', 'left', 'left', 1))).to.equal('1');
    expect(await settle(new Q('d').lrange())).to.deep.equal(['1', '2']);
    expect(await settle(new Q('s').brpoplpush('d', 0.1))).to.equal(null);
    expect(await settle(new Q('s').blmove('d', 'right', 'left', 0.1))).to.equal(null);
  });

  it('values go through the codec: Integer and JSON List', async () => {
    const N = class Nums extends ListKeyspace<number> {
      static override keyspace = prefix('N');
      static override valueCodec = Integer;
    };
    const J = class Rows extends ListKeyspace<unknown[]> {
      static override keyspace = prefix('J');
      static override valueCodec = List;
    };
    const r = await inPipe((p) => ({
      n: new N('n', p).rpush([1, 2, 3]),
      nr: new N('n', p).lrange(0, -1),
      j: new J('j', p).rpush([[1, 'a']]),
      jr: new J('j', p).lpop(),
    }));
    expect(r.nr.result).to.deep.equal([1, 2, 3]);
    expect(r.jr.result).to.deep.equal([1, 'a']);
  });
});
