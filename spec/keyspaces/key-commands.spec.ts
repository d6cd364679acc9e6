// The base class's key commands on StringKeyspace (and SORT on a tiny list keyspace made on the base), in
// every mode: arguments as Redis sees them (read back with a plain client) and typed results.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { MODES, expectOnlyOn, run, useServers } from './collections-support.js';
import { tinyListKind } from './key-support.js';
import { rawKey, rawOf, stringKind } from './string-support.js';

for (const mode of MODES) {
  describe(`Keyspace key commands on StringKeyspace — ${mode.label}`, () => {
    const servers = useServers();

    it('delete / exists: booleans for exists, the number of keys removed for delete', async () => {
      const S = stringKind(mode);
      const results = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [s.exists(), s.set('v'), s.exists(), s.delete(), s.delete(), s.exists()] as const;
      });
      expect(results).to.deep.equal([false, true, true, 1, 0, false]);
      expect(await rawOf(servers, mode).exists(rawKey(S, '1'))).to.equal(0);
    });

    it('expire with nx / xx / gt / lt (and xx with gt or lt) answers whether the TTL was set', async () => {
      const S = stringKind(mode);
      await rawOf(servers, mode).set(rawKey(S, '1'), 'v');
      const results = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [
          s.expire(100, { xx: true }), s.expire(100, { nx: true }), s.expire(200, { nx: true }),
          s.expire(50, { gt: true }), s.expire(300, { gt: true }), s.expire(400, { lt: true }),
          s.expire(150, { lt: true }), s.expire(120, { xx: true, lt: true }), s.expire(500, { xx: true, gt: true }),
          new S('missing', pipe).expire(10),
        ] as const;
      });
      expect(results).to.deep.equal([false, true, false, false, true, false, true, true, true, false]);
      expect(await rawOf(servers, mode).ttl(rawKey(S, '1'))).to.be.within(490, 500);
    });

    it('pexpire / expireat / pexpireat (Date or number), ttl / pttl, persist', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      for (const id of ['p', 'ad', 'an', 'pd', 'pn']) await raw.set(rawKey(S, id), 'v');
      const now = Date.now();
      const [p, pGt, ad, an, pd, pn, ttl, pttl, gone, gonePttl, persisted, again, noTtl] = await run(mode, (pipe) => [
        new S('p', pipe).pexpire(50_000), new S('p', pipe).pexpire(10_000, { gt: true }),
        new S('ad', pipe).expireat(new Date(now + 100_000)), new S('an', pipe).expireat(Math.floor(now / 1000) + 200),
        new S('pd', pipe).pexpireat(new Date(now + 300_000)), new S('pn', pipe).pexpireat(now + 400_000, { nx: true }),
        new S('ad', pipe).ttl(), new S('pn', pipe).pttl(), new S('missing', pipe).ttl(), new S('missing', pipe).pttl(),
        new S('p', pipe).persist(), new S('p', pipe).persist(), new S('p', pipe).ttl(),
      ] as const);
      expect([p, pGt, ad, an, pd, pn]).to.deep.equal([true, false, true, true, true, true]);
      expect(ttl).to.be.within(90, 100);
      expect(pttl).to.be.within(390_000, 400_000);
      expect([gone, gonePttl]).to.deep.equal([-2, -2]);
      expect([persisted, again, noTtl]).to.deep.equal([true, false, -1]);
      expect(await raw.pttl(rawKey(S, 'an'))).to.be.within(190_000, 200_000);
      expect(await raw.pttl(rawKey(S, 'pd'))).to.be.within(290_000, 300_000);
    });

    it('rename / renamenx move a record to another id of the keyspace; type names the Redis type', async () => {
      const S = stringKind(mode);
      const L = tinyListKind(mode);
      const raw = rawOf(servers, mode);
      await raw.set(rawKey(S, 'a'), 'A');
      await raw.set(rawKey(S, 'taken'), 'T');
      const [renamed, refused, moved, type, none, listType] = await run(mode, (pipe) => [
        new S('a', pipe).rename('b'), new S('b', pipe).renamenx('taken'), new S('b', pipe).renamenx('c'),
        new S('c', pipe).type(), new S('a', pipe).type(), new L('1', pipe).type(),
      ] as const);
      expect(renamed).to.equal(undefined);
      expect([refused, moved]).to.deep.equal([false, true]);
      expect([type, none, listType]).to.deep.equal(['string', 'none', 'none']);
      expect(await raw.mget(rawKey(S, 'a'), rawKey(S, 'b'), rawKey(S, 'c'), rawKey(S, 'taken'))).to.deep.equal([null, null, 'A', 'T']);
      await expectOnlyOn(servers, mode, rawKey(S, 'c'));
    });

    it('dump / restore (ttl, replace) / restorenx copy a record between ids; dump is null when missing', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      await raw.set(rawKey(S, 'src'), 'payload');
      await raw.set(rawKey(S, 'other'), 'kept');
      const [payload, missing] = await run(mode, (pipe) => [new S('src', pipe).dump(), new S('none', pipe).dump()] as const);
      expect(Buffer.isBuffer(payload)).to.equal(true);
      expect(missing).to.equal(null);
      const bytes = payload as Buffer;
      const [restored, replaced, nxTaken, nxFree] = await run(mode, (pipe) => [
        new S('copy', pipe).restore(bytes, { ttl: 100_000 }),
        new S('other', pipe).restore(bytes, { replace: true }),
        new S('src', pipe).restorenx(bytes),
        new S('fresh', pipe).restorenx(bytes, { ttl: 200_000 }),
      ] as const);
      expect(restored).to.equal(undefined);
      expect(replaced).to.equal(undefined);
      expect([nxTaken, nxFree]).to.deep.equal([false, true]);
      expect(await raw.mget(rawKey(S, 'copy'), rawKey(S, 'other'), rawKey(S, 'fresh'))).to.deep.equal(['payload', 'payload', 'payload']);
      expect(await raw.pttl(rawKey(S, 'copy'))).to.be.within(90_000, 100_000);
      expect(await raw.pttl(rawKey(S, 'fresh'))).to.be.within(190_000, 200_000);
      expect(await raw.ttl(rawKey(S, 'other'))).to.equal(-1);
    });

    it('object encoding / refcount / idletime; null for a missing key', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      await raw.set(rawKey(S, 'int'), '12345');
      await raw.set(rawKey(S, 'short'), 'abc');
      await raw.set(rawKey(S, 'long'), 'x'.repeat(100));
      const results = await run(mode, (pipe) => [
        new S('int', pipe).object('encoding'), new S('short', pipe).object('encoding'), new S('long', pipe).object('encoding'),
        new S('none', pipe).object('encoding'), new S('long', pipe).object('refcount'), new S('long', pipe).object('idletime'),
      ] as const);
      expect(results.slice(0, 5)).to.deep.equal(['int', 'embstr', 'raw', null, 1]);
      expect(results[5]).to.be.a('number');
    });

    it('sort (numeric, alpha, desc, limit, by / get patterns) and sortStore into another id', async () => {
      const L = tinyListKind(mode);
      const W = stringKind(mode);
      const raw = rawOf(servers, mode);
      await raw.mset(rawKey(W, 'apple'), '3', rawKey(W, 'pear'), '1', rawKey(W, 'fig'), '2');
      const [pushed, pushedNames] = await run(mode, (pipe) => [
        new L('n', pipe).rpush(['10', '2', '33', '4']), new L('w', pipe).rpush(['apple', 'pear', 'fig']),
      ] as const);
      expect([pushed, pushedNames]).to.deep.equal([4, 3]);
      const [numeric, desc, limited, alpha, byWeight, withGet, stored] = await run(mode, (pipe) => [
        new L('n', pipe).sort(),
        new L('n', pipe).sort({ order: 'desc' }),
        new L('n', pipe).sort({ limit: { offset: 1, count: 2 } }),
        new L('n', pipe).sort({ alpha: true }),
        new L('w', pipe).sort({ by: `${String(W.keyspace)}{*}` }),
        new L('w', pipe).sort({ by: `${String(W.keyspace)}{*}`, get: ['#', `${String(W.keyspace)}{*}`], order: 'desc' }),
        new L('n', pipe).sortStore('sorted', { order: 'desc', limit: { offset: 0, count: 3 } }),
      ] as const);
      expect(numeric).to.deep.equal(['2', '4', '10', '33']);
      expect(desc).to.deep.equal(['33', '10', '4', '2']);
      expect(limited).to.deep.equal(['4', '10']);
      expect(alpha).to.deep.equal(['10', '2', '33', '4']);
      expect(byWeight).to.deep.equal(['pear', 'fig', 'apple']);
      expect(withGet).to.deep.equal(['apple', '3', 'fig', '2', 'pear', '1']);
      expect(stored).to.equal(3);
      expect(await raw.lrange(rawKey(L, 'sorted'), 0, -1)).to.deep.equal(['33', '10', '4']);
      await expectOnlyOn(servers, mode, rawKey(L, 'sorted'));
    });

    it('eval passes this key, other ids’ keys and args; evalsha runs a loaded script', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const script = 'redis.call("set", KEYS[1], ARGV[1]) return {KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], #KEYS}';
      const loaded = 'return {KEYS[1], ARGV[1]}';
      const sha = String(await raw.script('LOAD', loaded));
      expect(sha).to.equal(createHash('sha1').update(loaded).digest('hex'));
      const [evaluated, bySha, plain] = await run(mode, (pipe) => [
        new S('1', pipe).eval<string[]>(script, { ids: ['2', '3'], args: ['val', 7] }),
        new S('x', pipe).evalsha<string[]>(sha, { args: ['a'] }),
        new S('y', pipe).eval<number>('return 42'),
      ] as const);
      expect(evaluated).to.deep.equal([rawKey(S, '1'), rawKey(S, '2'), rawKey(S, '3'), 'val', '7', 3]);
      expect(bySha).to.deep.equal([rawKey(S, 'x'), 'a']);
      expect(plain).to.equal(42);
      expect(await raw.get(rawKey(S, '1'))).to.equal('val');
    });
  });
}
