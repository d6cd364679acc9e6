// Acceptance: key commands on every class, named connections, round trips, batch, and delete never
// splitting a string.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SetKeyspace, ListKeyspace, SortedSetKeyspace, HyperLogLogKeyspace, pipeline,
} from '../../lib/index.js';
import { useConnections, proxiedDefault, prefix, inPipe, settle } from './keyspaces-support.js';

describe('acceptance keyspaces: key commands', () => {
  const c = useConnections();

  const classes = {
    StringKeyspace: () => class extends StringKeyspace { static override keyspace = prefix('kS'); },
    HashKeyspace: () => class extends HashKeyspace { static override keyspace = prefix('kH'); },
    SetKeyspace: () => class extends SetKeyspace { static override keyspace = prefix('kT'); },
    ListKeyspace: () => class extends ListKeyspace { static override keyspace = prefix('kL'); },
    SortedSetKeyspace: () => class extends SortedSetKeyspace { static override keyspace = prefix('kZ'); },
    HyperLogLogKeyspace: () => class extends HyperLogLogKeyspace { static override keyspace = prefix('kP'); },
  };
  const redisType: Record<string, string> = {
    StringKeyspace: 'string', HashKeyspace: 'hash', SetKeyspace: 'set', ListKeyspace: 'list', SortedSetKeyspace: 'zset',
    HyperLogLogKeyspace: 'string',
  };
  /** Writes something at `prefix{id}` with the raw client. */
  async function seed(name: string, key: string): Promise<void> {
    switch (name) {
      case 'StringKeyspace': await c.raw.set(key, 'v'); break;
      case 'HashKeyspace': await c.raw.hset(key, 'm', 'v'); break;
      case 'SetKeyspace': await c.raw.sadd(key, 'v'); break;
      case 'ListKeyspace': await c.raw.rpush(key, 'v'); break;
      case 'SortedSetKeyspace': await c.raw.zadd(key, 1, 'v'); break;
      default: await c.raw.pfadd(key, 'v');
    }
  }

  for (const [name, make] of Object.entries(classes)) {
    describe(name, () => {
      it('exists, type, expire/pexpire/ttl/pttl/persist, delete (booleans and numbers)', async () => {
        const K = make();
        await seed(name, `${K.keyspace}{1}`);
        const r = await inPipe((p) => {
          const k = new K('1', p);
          const m = new K('missing', p);
          return {
            exists: k.exists(), existsNo: m.exists(), type: k.type(), typeNo: m.type(),
            ttlNone: k.ttl(), ttlMissing: m.ttl(),
            expire: k.expire(100), expireMissing: m.expire(100), ttl: k.ttl(),
            expireNx: k.expire(5, { nx: true }), expireGt: k.expire(200, { gt: true }), ttl2: k.ttl(),
            pexpire: k.pexpire(50_000), pttl: k.pttl(),
            persist: k.persist(), persist2: k.persist(), ttl3: k.ttl(),
            del: k.delete(), delAgain: k.delete(), after: k.exists(),
          };
        });
        expect(r.exists.result).to.equal(true);
        expect(r.existsNo.result).to.equal(false);
        expect(r.type.result).to.equal(redisType[name]);
        expect(r.typeNo.result).to.equal('none');
        expect(r.ttlNone.result).to.equal(-1);
        expect(r.ttlMissing.result).to.equal(-2);
        expect(r.expire.result).to.equal(true);
        expect(r.expireMissing.result).to.equal(false);
        expect(r.ttl.result).to.be.within(95, 100);
        expect(r.expireNx.result).to.equal(false);
        expect(r.expireGt.result).to.equal(true);
        expect(r.ttl2.result).to.be.within(195, 200);
        expect(r.pexpire.result).to.equal(true);
        expect(r.pttl.result).to.be.within(45_000, 50_000);
        expect(r.persist.result).to.equal(true);
        expect(r.persist2.result).to.equal(false);
        expect(r.ttl3.result).to.equal(-1);
        expect(r.del.result).to.equal(1);
        expect(r.delAgain.result).to.equal(0);
        expect(r.after.result).to.equal(false);
      });

      it('expireat/pexpireat (Date or number), rename/renamenx to other ids, dump/restore/restorenx, object', async () => {
        const K = make();
        await seed(name, `${K.keyspace}{a}`);
        await seed(name, `${K.keyspace}{taken}`);
        const soon = new Date(Date.now() + 60_000);
        const r = await inPipe((p) => {
          const a = new K('a', p);
          return {
            at: a.expireat(soon), ttl: a.ttl(),
            pat: a.pexpireat(soon.getTime() + 30_000), pttl: a.pttl(),
            atNum: a.expireat(Math.floor(soon.getTime() / 1000)),
            enc: a.object('encoding'), refcount: a.object('refcount'), objMissing: new K('none', p).object('encoding'),
            dump: a.dump(), dumpMissing: new K('none', p).dump(),
            rnx: a.renamenx('taken'), rn: a.rename('b'),
            aGone: a.exists(), bThere: new K('b', p).exists(),
          };
        });
        expect(r.at.result).to.equal(true);
        expect(r.ttl.result).to.be.within(55, 60);
        expect(r.pat.result).to.equal(true);
        expect(r.pttl.result).to.be.within(85_000, 90_000);
        expect(r.atNum.result).to.equal(true);
        expect(r.enc.result).to.be.a('string');
        expect(r.refcount.result).to.be.a('number');
        expect(r.objMissing.result).to.equal(null);
        expect(Buffer.isBuffer(r.dump.result)).to.equal(true);
        expect(r.dumpMissing.result).to.equal(null);
        expect(r.rnx.result).to.equal(false);
        expect(r.aGone.result).to.equal(false);
        expect(r.bThere.result).to.equal(true);
        const payload = r.dump.result!;
        const r2 = await inPipe((p) => ({
          restore: new K('copy', p).restore(payload),
          nx: new K('copy', p).restorenx(payload),
          nx2: new K('copy2', p).restorenx(payload, { ttl: 10_000 }),
          replace: new K('copy', p).restore(payload, { replace: true, ttl: 20_000 }),
          type: new K('copy', p).type(),
          pttl: new K('copy', p).pttl(),
        }));
        expect(r2.nx.result).to.equal(false);
        expect(r2.nx2.result).to.equal(true);
        expect(r2.type.result).to.equal(redisType[name]);
        expect(r2.pttl.result).to.be.within(15_000, 20_000);
        expect(await c.raw.exists(`${K.keyspace}{copy2}`)).to.equal(1);
      });

      it('eval runs with this key as KEYS[1] and other ids namespaced; evalsha by SHA', async () => {
        const K = make();
        const script = 'return {KEYS[1], KEYS[2] or "", ARGV[1] or ""}';
        const r = await inPipe((p) => ({
          e: new K('x', p).eval<string[]>(script, { ids: ['y'], args: ['arg'] }),
          plain: new K('x', p).eval<string[]>(script),
        }));
        expect(r.e.result).to.deep.equal([`${K.keyspace}{x}`, `${K.keyspace}{y}`, 'arg']);
        expect(r.plain.result).to.deep.equal([`${K.keyspace}{x}`, '', '']);
        const sha = (await c.raw.script('LOAD', 'return KEYS[1]')) as string;
        expect(await settle(new K('z').evalsha<string>(sha))).to.equal(`${K.keyspace}{z}`);
      });
    });
  }

  it('eval of a script the server never saw works in a pipeline (NOSCRIPT handled)', async () => {
    const K = classes.StringKeyspace();
    const body = `return ARGV[1] .. ":${prefix('fresh')}"`;
    const r = await inPipe((p) => ({ a: new K('q', p).eval<string>(body, { args: ['hi'] }), b: new K('q', p).eval<string>(body, { args: ['yo'] }) }));
    expect(r.a.result).to.match(/^hi:/);
    expect(r.b.result).to.match(/^yo:/);
  });

  it('sort and sortStore on a list', async () => {
    const L = classes.ListKeyspace();
    await c.raw.rpush(`${L.keyspace}{s}`, '3', '1', '2');
    const r = await inPipe((p) => ({
      asc: new L('s', p).sort(),
      desc: new L('s', p).sort({ order: 'desc', limit: { offset: 0, count: 2 } }),
      stored: new L('s', p).sortStore('sorted'),
      out: new L('sorted', p).lrange(0, -1),
    }));
    expect(r.asc.result).to.deep.equal(['1', '2', '3']);
    expect(r.desc.result).to.deep.equal(['3', '2']);
    expect(r.stored.result).to.equal(3);
    expect(r.out.result).to.deep.equal(['1', '2', '3']);
  });

  it("delete of id 'ab' removes prefix{ab} only, never prefix{a} and prefix{b}", async () => {
    const S = classes.StringKeyspace();
    await c.raw.mset(`${S.keyspace}{a}`, '1', `${S.keyspace}{b}`, '2', `${S.keyspace}{ab}`, '3');
    expect(await settle(new S('ab').delete())).to.equal(1);
    expect(await c.raw.exists(`${S.keyspace}{a}`, `${S.keyspace}{b}`, `${S.keyspace}{ab}`)).to.equal(2);
  });

  it('static connection sends to the named connection (secondary server)', async () => {
    class Profiles extends HashKeyspace {
      static override keyspace = prefix('NP');
      static override connection = 'users';
    }
    class Members extends SortedSetKeyspace {
      static override keyspace = prefix('NZ');
      static override connection = 'users';
    }
    const r = await inPipe((p) => ({
      h: new Profiles('1', p).hset('name', 'Ada'),
      z: new Members('1', p).zadd('a', 1),
      all: new Profiles('1', p).hgetall(),
      zr: new Members('1', p).zrange(0, -1, { withScores: true }),
    }));
    expect(r.all.result).to.deep.equal({ name: 'Ada' });
    expect(r.zr.result).to.deep.equal([['a', 1]]);
    expect(await c.rawUsers.hget(`${Profiles.keyspace}{1}`, 'name')).to.equal('Ada');
    expect(await c.raw.exists(`${Profiles.keyspace}{1}`, `${Members.keyspace}{1}`)).to.equal(0);
    expect(await settle(new Members('1').zscore('a'))).to.equal(1);
  });

  it('a named-connection command queued on a default pipe still goes to its connection', async () => {
    class Tags extends SetKeyspace {
      static override keyspace = prefix('NT');
      static override connection = 'users';
    }
    const pipe = pipeline(undefined, { name: 'default' });
    new Tags('x', pipe).sadd(['a', 'b']);
    await pipe.execute();
    expect((await c.rawUsers.smembers(`${Tags.keyspace}{x}`)).sort()).to.deep.equal(['a', 'b']);
  });

  it('without a pipe each call is one round trip; with a pipe many calls are one', async () => {
    const proxy = await proxiedDefault();
    const S = classes.StringKeyspace();
    await settle(new S('1').set('a'));
    await settle(new S('1').get());
    expect(proxy.roundTrips).to.equal(2);
    proxy.reset();
    const r = await inPipe((p) => [new S('1', p).get(), new S('2', p).set('b'), new S('2', p).get()]);
    expect(proxy.roundTrips).to.equal(1);
    expect(r.map((d) => d.result)).to.deep.equal(['a', true, 'b']);
  });

  it('batch groups several calls on one instance: one round trip without a pipe, deferred with one', async () => {
    const proxy = await proxiedDefault();
    const Z = classes.SortedSetKeyspace();
    const z = new Z('b');
    const out = z.batch((self) => {
      self.zadd('a', 1);
      self.zadd('b', 2);
      return self.zrange(0, -1);
    });
    await out.promise;
    expect(out.result).to.deep.equal(['a', 'b']);
    expect(proxy.roundTrips).to.equal(1);
    proxy.reset();
    const pipe = pipeline();
    const piped = new Z('c', pipe).batch((self) => { self.zadd('x', 1); return self.zcard(); });
    expect(proxy.roundTrips).to.equal(0);
    expect(piped.ready).to.equal(false);
    await pipe.execute();
    expect(piped.result).to.equal(1);
    expect(proxy.roundTrips).to.equal(1);
  });
});
