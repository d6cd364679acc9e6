// Acceptance: HashKeyspace, with per-member codecs, against real Redis.
import { expect } from 'chai';
import { HashKeyspace, Text, Integer, Float, BooleanField, StringList, Dict } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle, collect } from './keyspaces-support.js';

type Profile = { name: string; visits: number; score: number; admin: boolean; tags: string[]; extra: Record<string, unknown> };

describe('acceptance keyspaces: HashKeyspace', () => {
  const c = useConnections();

  function profiles() {
    return class Profiles extends HashKeyspace<Profile> {
      static override keyspace = prefix('P');
      static override fields = { name: Text, visits: Integer, score: Float, admin: BooleanField, tags: StringList, extra: Dict };
    };
  }
  function plain() {
    return class Plain extends HashKeyspace {
      static override keyspace = prefix('H');
    };
  }

  it('hset of one member and of a map; hget decodes per member; null for missing', async () => {
    const P = profiles();
    const r = await inPipe((p) => {
      const u = new P('ada', p);
      return {
        one: u.hset('name', 'Ada'),
        map: u.hset({ visits: 3, admin: true, tags: ['a', 'b'], score: 1.5, extra: { k: [1] } }),
        again: u.hset('name', 'Ada L.'),
        name: u.hget('name'),
        visits: u.hget('visits'),
        admin: u.hget('admin'),
        tags: u.hget('tags'),
        score: u.hget('score'),
        extra: u.hget('extra'),
        missingKey: new P('nobody', p).hget('name'),
      };
    });
    expect(r.one.result).to.equal(1);
    expect(r.map.result).to.equal(5);
    expect(r.again.result).to.equal(0);
    expect(r.name.result).to.equal('Ada L.');
    expect(r.visits.result).to.equal(3);
    expect(r.admin.result).to.equal(true);
    expect(r.tags.result).to.deep.equal(['a', 'b']);
    expect(r.score.result).to.equal(1.5);
    expect(r.extra.result).to.deep.equal({ k: [1] });
    expect(r.missingKey.result).to.equal(null);
    const raw = await c.raw.hgetall(`${P.keyspace}{ada}`);
    expect(raw).to.deep.equal({ name: 'Ada L.', visits: '3', admin: '1', tags: 'a,b', score: '1.5', extra: raw.extra });
    expect(JSON.parse(raw.extra)).to.deep.equal({ k: [1] });
  });

  it('hmset, hgetall (typed per member, {} when missing), hkeys, hvals', async () => {
    const P = profiles();
    const r = await inPipe((p) => {
      const u = new P('bob', p);
      return {
        none: new P('none', p).hgetall(),
        m: u.hmset({ name: 'Bob', visits: 7, admin: false }),
        all: u.hgetall(),
        keys: u.hkeys(),
        vals: u.hvals(),
      };
    });
    expect(r.none.result).to.deep.equal({});
    expect(r.all.result).to.deep.equal({ name: 'Bob', visits: 7, admin: false });
    expect([...r.keys.result].sort()).to.deep.equal(['admin', 'name', 'visits']);
    expect(r.vals.result).to.have.length(3);
    expect(r.vals.result).to.deep.include.members(['Bob', 7, false]);
    expect(await c.raw.hget(`${P.keyspace}{bob}`, 'admin')).to.equal('');
  });

  it('hmget with one member and with an array, null for missing', async () => {
    const P = profiles();
    await settle(new P('c').hset({ name: 'C', visits: 1 }));
    const r = await inPipe((p) => ({
      one: new P('c', p).hmget('visits'),
      many: new P('c', p).hmget(['name', 'admin', 'visits']),
    }));
    expect(r.one.result).to.deep.equal([1]);
    expect(r.many.result).to.deep.equal(['C', null, 1]);
  });

  it('hsetnx, hexists (booleans), hdel one or many, hlen, hstrlen', async () => {
    const H = plain();
    const r = await inPipe((p) => {
      const h = new H('h', p);
      return {
        nx1: h.hsetnx('a', 'x'),
        nx2: h.hsetnx('a', 'y'),
        set: h.hset({ b: 'bee', c: 'sea', ab: 'both' }),
        ex: h.hexists('a'),
        exNo: h.hexists('zz'),
        len: h.hlen(),
        strlen: h.hstrlen('b'),
        strlenMissing: h.hstrlen('zz'),
        delOne: h.hdel('ab'),
        delMany: h.hdel(['b', 'c', 'zz']),
        left: h.hgetall(),
      };
    });
    expect(r.nx1.result).to.equal(true);
    expect(r.nx2.result).to.equal(false);
    expect(r.ex.result).to.equal(true);
    expect(r.exNo.result).to.equal(false);
    expect(r.len.result).to.equal(4);
    expect(r.strlen.result).to.equal(3);
    expect(r.strlenMissing.result).to.equal(0);
    expect(r.delOne.result).to.equal(1);
    expect(r.delMany.result).to.equal(2);
    expect(r.left.result).to.deep.equal({ a: 'x' });
  });

  it('hdel of a one-string member never splits it into characters', async () => {
    const H = plain();
    await settle(new H('s').hset({ a: '1', b: '2', ab: '3' }));
    expect(await settle(new H('s').hdel('ab'))).to.equal(1);
    expect(await c.raw.hgetall(`${H.keyspace}{s}`)).to.deep.equal({ a: '1', b: '2' });
  });

  it('hincrby, hincrbyfloat: numbers', async () => {
    const P = profiles();
    const r = await inPipe((p) => {
      const u = new P('n', p);
      return {
        i: u.hincrby('visits', 5),
        i2: u.hincrby('visits', -2),
        f: u.hincrbyfloat('score', 0.5),
        f2: u.hincrbyfloat('score', 0.25),
        visits: u.hget('visits'),
        score: u.hget('score'),
      };
    });
    expect(r.i.result).to.equal(5);
    expect(r.i2.result).to.equal(3);
    expect(r.f.result).to.equal(0.5);
    expect(r.f2.result).to.equal(0.75);
    expect(r.visits.result).to.equal(3);
    expect(r.score.result).to.equal(0.75);
  });

  it('hrandfield: one member, several, with values decoded per member, null when missing', async () => {
    const P = profiles();
    await settle(new P('r').hset({ name: 'R', visits: 2 }));
    const r = await inPipe((p) => ({
      missing: new P('nope', p).hrandfield(),
      one: new P('r', p).hrandfield(),
      two: new P('r', p).hrandfield(2),
      withValues: new P('r', p).hrandfield(2, { withValues: true }),
    }));
    expect(r.missing.result).to.equal(null);
    expect(['name', 'visits']).to.include(r.one.result);
    expect([...r.two.result].sort()).to.deep.equal(['name', 'visits']);
    expect([...r.withValues.result].sort()).to.deep.equal([['name', 'R'], ['visits', 2]]);
  });

  it('hscan is an async iterator of [member, value] pairs, decoded per member, with match', async () => {
    const P = profiles();
    await settle(new P('s').hset({ name: 'S', visits: 9, admin: true }));
    const all = await collect(new P('s').hscan());
    expect(all.sort()).to.deep.equal([['admin', true], ['name', 'S'], ['visits', 9]]);
    const some = await collect(new P('s').hscan({ match: 'v*' }));
    expect(some).to.deep.equal([['visits', 9]]);
  });

  it('undeclared members use valueCodec (Text by default)', async () => {
    const P = profiles();
    await c.raw.hset(`${P.keyspace}{u}`, 'name', 'U', 'nickname', 'yoo');
    const all = await settle(new P('u').hgetall());
    expect(all).to.deep.equal({ name: 'U', nickname: 'yoo' });
  });
});
