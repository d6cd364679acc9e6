// Acceptance: SetKeyspace and HyperLogLogKeyspace against real Redis.
import { expect } from 'chai';
import { SetKeyspace, HyperLogLogKeyspace, Integer } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle, collect } from './keyspaces-support.js';

describe('acceptance keyspaces: SetKeyspace', () => {
  const c = useConnections();

  function tags() {
    return class Tags extends SetKeyspace {
      static override keyspace = prefix('T');
    };
  }

  it('sadd/srem one member or an array; counts; smembers is a plain array', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      const t = new T('a1', p);
      return {
        one: t.sadd('redis'),
        many: t.sadd(['ts', 'js', 'redis']),
        remOne: t.srem('js'),
        remMany: t.srem(['ts', 'nope']),
        members: t.smembers(),
        card: t.scard(),
        cardMissing: new T('none', p).scard(),
        membersMissing: new T('none', p).smembers(),
      };
    });
    expect(r.one.result).to.equal(1);
    expect(r.many.result).to.equal(2);
    expect(r.remOne.result).to.equal(1);
    expect(r.remMany.result).to.equal(1);
    expect(Array.isArray(r.members.result)).to.equal(true);
    expect(r.members.result).to.deep.equal(['redis']);
    expect(r.card.result).to.equal(1);
    expect(r.cardMissing.result).to.equal(0);
    expect(r.membersMissing.result).to.deep.equal([]);
    expect(await c.raw.smembers(`${T.keyspace}{a1}`)).to.deep.equal(['redis']);
  });

  it('a single string member is one member, never its characters', async () => {
    const T = tags();
    expect(await settle(new T('s').sadd('abc'))).to.equal(1);
    expect(await c.raw.smembers(`${T.keyspace}{s}`)).to.deep.equal(['abc']);
    expect(await settle(new T('s').srem('abc'))).to.equal(1);
  });

  it('sismember and smismember answer booleans', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      const t = new T('x', p);
      t.sadd(['a', 'b']);
      return { yes: t.sismember('a'), no: t.sismember('z'), many: t.smismember(['a', 'z', 'b']), one: t.smismember('b') };
    });
    expect(r.yes.result).to.equal(true);
    expect(r.no.result).to.equal(false);
    expect(r.many.result).to.deep.equal([true, false, true]);
    expect(r.one.result).to.deep.equal([true]);
  });

  it('spop and srandmember: one (null when empty) or a count (array)', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      const t = new T('p', p);
      const e = new T('empty', p);
      t.sadd(['a', 'b', 'c']);
      return {
        emptyPop: e.spop(),
        emptyRand: e.srandmember(),
        emptyPopN: e.spop(2),
        rand: t.srandmember(),
        randN: t.srandmember(2),
        randRepeat: t.srandmember(-5),
        pop: t.spop(),
        popN: t.spop(5),
      };
    });
    expect(r.emptyPop.result).to.equal(null);
    expect(r.emptyRand.result).to.equal(null);
    expect(r.emptyPopN.result).to.deep.equal([]);
    expect(['a', 'b', 'c']).to.include(r.rand.result);
    expect(r.randN.result).to.have.length(2);
    expect(r.randRepeat.result).to.have.length(5);
    expect(['a', 'b', 'c']).to.include(r.pop.result);
    expect(r.popN.result).to.have.length(2);
  });

  it('smove to another id answers a boolean', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      new T('from', p).sadd('m');
      return { moved: new T('from', p).smove('to', 'm'), again: new T('from', p).smove('to', 'm'), to: new T('to', p).smembers() };
    });
    expect(r.moved.result).to.equal(true);
    expect(r.again.result).to.equal(false);
    expect(r.to.result).to.deep.equal(['m']);
  });

  it('sdiff, sinter, sunion take other ids; sintercard with limit', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      new T('a', p).sadd(['1', '2', '3']);
      new T('b', p).sadd(['2', '3', '4']);
      new T('c', p).sadd(['3', '5']);
      const a = new T('a', p);
      return {
        diff: a.sdiff('b'),
        diffMany: a.sdiff(['b', 'c']),
        inter: a.sinter(['b', 'c']),
        union: a.sunion('c'),
        card: a.sintercard('b'),
        cardLimit: a.sintercard(['b'], { limit: 1 }),
      };
    });
    expect(r.diff.result).to.deep.equal(['1']);
    expect(r.diffMany.result).to.deep.equal(['1']);
    expect(r.inter.result).to.deep.equal(['3']);
    expect([...r.union.result].sort()).to.deep.equal(['1', '2', '3', '5']);
    expect(r.card.result).to.equal(2);
    expect(r.cardLimit.result).to.equal(1);
  });

  it('sdiffstore, sinterstore, sunionstore store into this id', async () => {
    const T = tags();
    const r = await inPipe((p) => {
      new T('a', p).sadd(['1', '2', '3']);
      new T('b', p).sadd(['2', '3', '4']);
      return {
        diff: new T('d', p).sdiffstore(['a', 'b']),
        inter: new T('i', p).sinterstore(['a', 'b']),
        union: new T('u', p).sunionstore(['a', 'b']),
        d: new T('d', p).smembers(),
        i: new T('i', p).smembers(),
      };
    });
    expect(r.diff.result).to.equal(1);
    expect(r.inter.result).to.equal(2);
    expect(r.union.result).to.equal(4);
    expect(r.d.result).to.deep.equal(['1']);
    expect([...r.i.result].sort()).to.deep.equal(['2', '3']);
    expect(await c.raw.scard(`${T.keyspace}{u}`)).to.equal(4);
  });

  it('sets of integers decode as numbers', async () => {
    const N = class Ids extends SetKeyspace<number> {
      static override keyspace = prefix('N');
      static override valueCodec = Integer;
    };
    const r = await inPipe((p) => {
      new N('n', p).sadd([1, 2, 30]);
      return { m: new N('n', p).smembers(), is: new N('n', p).sismember(30) };
    });
    expect([...r.m.result].sort((x, y) => x - y)).to.deep.equal([1, 2, 30]);
    expect(r.is.result).to.equal(true);
  });

  it('sscan is an async iterator of decoded members, with match', async () => {
    const T = tags();
    const many = Array.from({ length: 300 }, (_, i) => `m${i}`);
    await settle(new T('big').sadd(many));
    const all = await collect(new T('big').sscan({ count: 50 }));
    expect(new Set(all).size).to.equal(300);
    const some = await collect(new T('big').sscan({ match: 'm1?' }));
    expect([...new Set(some)].sort()).to.deep.equal(['m10', 'm11', 'm12', 'm13', 'm14', 'm15', 'm16', 'm17', 'm18', 'm19']);
  });
});

describe('acceptance keyspaces: HyperLogLogKeyspace', () => {
  const c = useConnections();

  it('pfadd (boolean), pfcount over other ids, pfmerge', async () => {
    const H = class Visitors extends HyperLogLogKeyspace {
      static override keyspace = prefix('V');
    };
    const r = await inPipe((p) => ({
      add: new H('mon', p).pfadd(['a', 'b', 'c']),
      addSame: new H('mon', p).pfadd('a'),
      add2: new H('tue', p).pfadd(['c', 'd']),
      count: new H('mon', p).pfcount(),
      countBoth: new H('mon', p).pfcount('tue'),
      countArr: new H('mon', p).pfcount(['tue']),
      merge: new H('week', p).pfmerge(['mon', 'tue']),
      week: new H('week', p).pfcount(),
      missing: new H('none', p).pfcount(),
    }));
    expect(r.add.result).to.equal(true);
    expect(r.addSame.result).to.equal(false);
    expect(r.add2.result).to.equal(true);
    expect(r.count.result).to.equal(3);
    expect(r.countBoth.result).to.equal(4);
    expect(r.countArr.result).to.equal(4);
    expect(r.week.result).to.equal(4);
    expect(r.missing.result).to.equal(0);
    expect(await c.raw.type(`${H.keyspace}{week}`)).to.equal('string');
    expect(await c.raw.pfcount(`${H.keyspace}{week}`)).to.equal(4);
  });
});
