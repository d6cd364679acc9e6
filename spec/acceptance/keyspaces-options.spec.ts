// Acceptance: the less common options of the listed commands, checked for their effect in Redis.
import { expect } from 'chai';
import { StringKeyspace, SortedSetKeyspace, ListKeyspace, SetKeyspace, HashKeyspace, Binary } from '../../lib/index.js';
import { useConnections, prefix, inPipe } from './keyspaces-support.js';

describe('acceptance keyspaces: command options', () => {
  const c = useConnections();

  it('set exat/pxat (Date or number), getex exat/pxat/px', async () => {
    class S extends StringKeyspace { static override keyspace = prefix('opt'); }
    const at = new Date(Date.now() + 100_000);
    const r = await inPipe((p) => ({
      a: new S('a', p).set('v', { exat: at }),
      aTtl: new S('a', p).ttl(),
      b: new S('b', p).set('v', { pxat: at.getTime() }),
      bTtl: new S('b', p).pttl(),
      c: new S('c', p).set('v', { exat: Math.floor(at.getTime() / 1000) }),
      cTtl: new S('c', p).ttl(),
      g1: new S('a', p).getex({ px: 5000 }),
      g1Ttl: new S('a', p).pttl(),
      g2: new S('a', p).getex({ exat: at }),
      g2Ttl: new S('a', p).ttl(),
      g3: new S('a', p).getex({ pxat: new Date(Date.now() + 30_000) }),
      g3Ttl: new S('a', p).ttl(),
    }));
    expect(r.a.result).to.equal(true);
    expect(r.aTtl.result).to.be.within(95, 100);
    expect(r.bTtl.result).to.be.within(95_000, 100_000);
    expect(r.cTtl.result).to.be.within(95, 100);
    expect(r.g1.result).to.equal('v');
    expect(r.g1Ttl.result).to.be.within(4000, 5000);
    expect(r.g2Ttl.result).to.be.within(95, 100);
    expect(r.g3Ttl.result).to.be.within(25, 30);
  });

  it('bitcount and bitpos with end and bit units', async () => {
    class B extends StringKeyspace<Buffer> { static override keyspace = prefix('bits'); static override valueCodec = Binary; }
    await c.raw.set(`${B.keyspace}{1}`, Buffer.from([0x00, 0xff, 0xf0]));
    const r = await inPipe((p) => {
      const b = new B('1', p);
      return {
        all: b.bitcount(),
        bytes: b.bitcount({ start: 1, end: 1 }),
        bits: b.bitcount({ start: 0, end: 11, unit: 'bit' }),
        pos: b.bitpos(1, { start: 2 }),
        posEnd: b.bitpos(1, { start: 0, end: 0 }),
        posBit: b.bitpos(0, { start: 8, end: 23, unit: 'bit' }),
      };
    });
    expect(r.all.result).to.equal(12);
    expect(r.bytes.result).to.equal(8);
    expect(r.bits.result).to.equal(4);
    expect(r.pos.result).to.equal(16);
    expect(r.posEnd.result).to.equal(-1);
    expect(r.posBit.result).to.equal(20);
  });

  it('zadd gt/lt, zrangestore by lex and reversed by rank, zrandmember negative counts', async () => {
    class Z extends SortedSetKeyspace { static override keyspace = prefix('zopt'); }
    const r = await inPipe((p) => {
      const z = new Z('1', p);
      z.zadd({ a: 5, b: 5 });
      return {
        gtNo: z.zadd('a', 1, { gt: true }),
        gtYes: z.zadd('a', 9, { gt: true, ch: true }),
        ltYes: z.zadd('b', 2, { lt: true, ch: true }),
        scores: z.zmscore(['a', 'b']),
        lex: new Z('lex', p).zadd({ x: 0, y: 0, z: 0 }),
        storeLex: new Z('lex', p).zrangestore('lexOut', '[y', '+', { by: 'lex' }),
        lexOut: new Z('lexOut', p).zrange(0, -1),
        storeRev: z.zrangestore('rev', 0, 0, { rev: true }),
        rev: new Z('rev', p).zrange(0, -1),
        rand: z.zrandmember(-5),
        randS: z.zrandmember(-3, { withScores: true }),
      };
    });
    expect(r.gtNo.result).to.equal(0);
    expect(r.gtYes.result).to.equal(1);
    expect(r.ltYes.result).to.equal(1);
    expect(r.scores.result).to.deep.equal([9, 2]);
    expect(r.storeLex.result).to.equal(2);
    expect(r.lexOut.result).to.deep.equal(['y', 'z']);
    expect(r.storeRev.result).to.equal(1);
    expect(r.rev.result).to.deep.equal(['a']);
    expect(r.rand.result).to.have.length(5);
    expect(r.randS.result).to.have.length(3);
    for (const [m, s] of r.randS.result) expect(s).to.equal(m === 'a' ? 9 : 2);
  });

  it('lpos maxlen and negative rank; lrem negative and zero counts', async () => {
    class L extends ListKeyspace { static override keyspace = prefix('lopt'); }
    const r = await inPipe((p) => {
      const l = new L('1', p);
      l.rpush(['a', 'x', 'a', 'x', 'a']);
      return {
        maxlen: l.lpos('a', { rank: 2, maxlen: 2 }),
        last: l.lpos('a', { rank: -1 }),
        remTail: l.lrem('a', -1),
        after1: l.lrange(0, -1),
        remAll: l.lrem('x', 0),
        after2: l.lrange(0, -1),
      };
    });
    expect(r.maxlen.result).to.equal(null);
    expect(r.last.result).to.equal(4);
    expect(r.remTail.result).to.equal(1);
    expect(r.after1.result).to.deep.equal(['a', 'x', 'a', 'x']);
    expect(r.remAll.result).to.equal(2);
    expect(r.after2.result).to.deep.equal(['a', 'a']);
  });

  it('srandmember(0) and spop(0) are empty; sintercard limit 0 counts everything', async () => {
    class T extends SetKeyspace { static override keyspace = prefix('sopt'); }
    const r = await inPipe((p) => {
      new T('a', p).sadd(['1', '2', '3']);
      new T('b', p).sadd(['1', '2', '3']);
      return {
        rand0: new T('a', p).srandmember(0),
        card0: new T('a', p).sintercard('b', { limit: 0 }),
      };
    });
    expect(r.rand0.result).to.deep.equal([]);
    expect(r.card0.result).to.equal(3);
  });

  it('sort with alpha, by and get patterns', async () => {
    class L extends ListKeyspace { static override keyspace = prefix('sort'); }
    const w = `${prefix('w')}_`;
    await c.raw.rpush(`${L.keyspace}{1}`, 'b', 'a', 'c');
    await c.raw.mset(`${w}a`, '3', `${w}b`, '1', `${w}c`, '2');
    const r = await inPipe((p) => ({
      alpha: new L('1', p).sort({ alpha: true }),
      alphaDesc: new L('1', p).sort({ alpha: true, order: 'desc' }),
      by: new L('1', p).sort({ by: `${w}*` }),
      get: new L('1', p).sort({ alpha: true, get: ['#', `${w}*`] }),
    }));
    expect(r.alpha.result).to.deep.equal(['a', 'b', 'c']);
    expect(r.alphaDesc.result).to.deep.equal(['c', 'b', 'a']);
    expect(r.by.result).to.deep.equal(['b', 'c', 'a']);
    expect(r.get.result).to.deep.equal(['a', '3', 'b', '1', 'c', '2']);
  });

  it('hrandfield with a negative count may repeat members', async () => {
    class H extends HashKeyspace { static override keyspace = prefix('hopt'); }
    const r = await inPipe((p) => {
      new H('1', p).hset('only', 'v');
      return { many: new H('1', p).hrandfield(-4), pairs: new H('1', p).hrandfield(-2, { withValues: true }) };
    });
    expect(r.many.result).to.deep.equal(['only', 'only', 'only', 'only']);
    expect(r.pairs.result).to.deep.equal([['only', 'v'], ['only', 'v']]);
  });
});
