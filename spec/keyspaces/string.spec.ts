// StringKeyspace value commands on a real server, in every mode (default connection on the primary and a
// named connection on the secondary; each call its own round trip, or pipelined): what is stored under
// `prefix{id}` (read with a plain client) and what the deferreds resolve to.
import { expect } from 'chai';
import { MODES, expectOnlyOn, run, useServers } from './collections-support.js';
import { rawKey, rawOf, stringKind } from './string-support.js';

for (const mode of MODES) {
  describe(`StringKeyspace: values — ${mode.label}`, () => {
    const servers = useServers();

    it('get is null for a missing key; set stores the UTF-8 text at prefix{id} on the connection’s server', async () => {
      const S = stringKind(mode);
      const [missing, written, read] = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [s.get(), s.set('héllo 😀'), s.get()] as const;
      });
      expect(missing).to.equal(null);
      expect(written).to.equal(true);
      expect(read).to.equal('héllo 😀');
      const raw = rawOf(servers, mode);
      expect((await raw.getBuffer(rawKey(S, '1')))?.toString('hex')).to.equal(Buffer.from('héllo 😀').toString('hex'));
      await expectOnlyOn(servers, mode, rawKey(S, '1'));
      expect(await raw.keys(`${String(S.keyspace)}*`)).to.deep.equal([rawKey(S, '1')]);
    });

    it('set ex / px / exat / pxat (Date or number) send EX / PX / EXAT / PXAT', async () => {
      const S = stringKind(mode);
      const now = Date.now();
      const results = await run(mode, (pipe) => [
        new S('ex', pipe).set('a', { ex: 100 }),
        new S('px', pipe).set('a', { px: 50_000 }),
        new S('exat-date', pipe).set('a', { exat: new Date(now + 200_000) }),
        new S('exat-num', pipe).set('a', { exat: Math.floor(now / 1000) + 300 }),
        new S('pxat-date', pipe).set('a', { pxat: new Date(now + 400_000) }),
        new S('pxat-num', pipe).set('a', { pxat: now + 500_000 }),
      ] as const);
      expect(results).to.deep.equal([true, true, true, true, true, true]);
      const raw = rawOf(servers, mode);
      const ttl = async (id: string) => raw.pttl(rawKey(S, id));
      expect(await ttl('ex')).to.be.within(90_000, 100_000);
      expect(await ttl('px')).to.be.within(40_000, 50_000);
      expect(await ttl('exat-date')).to.be.within(190_000, 200_000);
      expect(await ttl('exat-num')).to.be.within(290_000, 300_000);
      expect(await ttl('pxat-date')).to.be.within(390_000, 400_000);
      expect(await ttl('pxat-num')).to.be.within(490_000, 500_000);
    });

    it('set nx / xx answer whether the value was written; keepttl keeps the expiry; get returns the old value', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const [xxMissing, nxMissing, nxPresent, xxPresent, keep, oldValue, noOld, nxGet] = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [
          s.set('x', { xx: true }),
          s.set('first', { nx: true, ex: 100 }),
          s.set('second', { nx: true }),
          s.set('third', { xx: true, keepttl: true }),
          s.set('fourth', { keepttl: true }),
          s.set('fifth', { get: true }),
          new S('2', pipe).set('new', { get: true }),
          new S('2', pipe).set('ignored', { nx: true, get: true }),
        ] as const;
      });
      expect([xxMissing, nxMissing, nxPresent, xxPresent, keep]).to.deep.equal([false, true, false, true, true]);
      expect(oldValue).to.equal('fourth');
      expect(noOld).to.equal(null);
      expect(nxGet).to.equal('new');
      expect(await raw.get(rawKey(S, '1'))).to.equal('fifth');
      expect(await raw.ttl(rawKey(S, '1')), 'plain SET GET dropped the TTL').to.equal(-1);
      expect(await raw.get(rawKey(S, '2'))).to.equal('new');
      const [kept] = await run(mode, (pipe) => [new S('3', pipe).set('a', { ex: 100 })] as const);
      expect(kept).to.equal(true);
      await run(mode, (pipe) => [new S('3', pipe).set('b', { keepttl: true })] as const);
      expect(await raw.ttl(rawKey(S, '3'))).to.be.within(90, 100);
      expect(await raw.get(rawKey(S, '3'))).to.equal('b');
    });

    it('setnx answers true only when written; setex / psetex store with a TTL', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const [first, second, ex, px] = await run(mode, (pipe) => [
        new S('nx', pipe).setnx('a'),
        new S('nx', pipe).setnx('b'),
        new S('ex', pipe).setex('c', 100),
        new S('px', pipe).psetex('d', 60_000),
      ] as const);
      expect([first, second]).to.deep.equal([true, false]);
      expect(ex).to.equal(undefined);
      expect(px).to.equal(undefined);
      expect(await raw.mget(rawKey(S, 'nx'), rawKey(S, 'ex'), rawKey(S, 'px'))).to.deep.equal(['a', 'c', 'd']);
      expect(await raw.ttl(rawKey(S, 'ex'))).to.be.within(90, 100);
      expect(await raw.pttl(rawKey(S, 'px'))).to.be.within(50_000, 60_000);
    });

    it('append / strlen count bytes; getrange / substr / setrange work on byte offsets', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const [len0, a1, a2, len, range, sub, subTail, grown, padded, missing] = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [
          s.strlen(), s.append('hé'), s.append('llo'), s.strlen(), s.getrange(0, 2), s.substr(3), s.substr(-2, -1),
          s.setrange(1, 'EY'), new S('2', pipe).setrange(3, 'x'), new S('3', pipe).getrange(0, -1),
        ] as const;
      });
      expect([len0, a1, a2, len]).to.deep.equal([0, 3, 6, 6]);
      expect([range, sub, subTail]).to.deep.equal(['hé', 'llo', 'lo']);
      expect([grown, padded]).to.deep.equal([6, 4]);
      expect(missing).to.equal('');
      expect(await raw.get(rawKey(S, '1'))).to.equal('hEYllo');
      expect(await raw.get(rawKey(S, '2'))).to.equal('\u0000\u0000\u0000x');
    });

    it('getdel removes and returns; getex reads while changing the expiry; getset swaps', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const now = Date.now();
      await run(mode, (pipe) => ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => new S(id, pipe).set(`v${id}`, { ex: 1000 })));
      const [gone, goneAgain, ex, px, exat, pxat, persist, plain, missingEx, old, oldMissing] = await run(mode, (pipe) => [
        new S('a', pipe).getdel(),
        new S('a', pipe).getdel(),
        new S('b', pipe).getex({ ex: 100 }),
        new S('c', pipe).getex({ px: 50_000 }),
        new S('d', pipe).getex({ exat: new Date(now + 200_000) }),
        new S('e', pipe).getex({ pxat: now + 300_000 }),
        new S('f', pipe).getex({ persist: true }),
        new S('f', pipe).getex(),
        new S('none', pipe).getex({ ex: 10 }),
        new S('b', pipe).getset('swapped'),
        new S('new', pipe).getset('first'),
      ] as const);
      expect([gone, goneAgain]).to.deep.equal(['va', null]);
      expect([ex, px, exat, pxat, persist, plain, missingEx]).to.deep.equal(['vb', 'vc', 'vd', 've', 'vf', 'vf', null]);
      expect([old, oldMissing]).to.deep.equal(['vb', null]);
      expect(await raw.exists(rawKey(S, 'a'))).to.equal(0);
      expect(await raw.ttl(rawKey(S, 'b')), 'GETSET drops the TTL').to.equal(-1);
      expect(await raw.get(rawKey(S, 'b'))).to.equal('swapped');
      expect(await raw.pttl(rawKey(S, 'c'))).to.be.within(40_000, 50_000);
      expect(await raw.pttl(rawKey(S, 'd'))).to.be.within(190_000, 200_000);
      expect(await raw.pttl(rawKey(S, 'e'))).to.be.within(290_000, 300_000);
      expect(await raw.ttl(rawKey(S, 'f'))).to.equal(-1);
      expect(await raw.get(rawKey(S, 'new'))).to.equal('first');
    });

    it('mget reads this id then the others in order (null for missing); mset / msetnx take ids to values', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const [set1, set2, nxNew, nxTaken, one, many, alone] = await run(mode, (pipe) => {
        const s = new S('1', pipe);
        return [
          s.mset({ 1: 'one', 2: 'two' }),
          s.mset(new Map([['3', 'three']])),
          s.msetnx({ 4: 'four', 5: 'five' }),
          s.msetnx({ 5: 'FIVE', 6: 'six' }),
          s.mget('3'),
          s.mget(['missing', '2', '4', '5', '6']),
          new S('nothing', pipe).mget(),
        ] as const;
      });
      expect([set1, set2]).to.deep.equal([undefined, undefined]);
      expect([nxNew, nxTaken]).to.deep.equal([true, false]);
      expect(one).to.deep.equal(['one', 'three']);
      expect(many).to.deep.equal(['one', null, 'two', 'four', 'five', null]);
      expect(alone).to.deep.equal([null]);
      const keys = ['1', '2', '3', '4', '5', '6'].map((id) => rawKey(S, id));
      expect(await raw.mget(...keys)).to.deep.equal(['one', 'two', 'three', 'four', 'five', null]);
      await expectOnlyOn(servers, mode, rawKey(S, '4'));
    });
  });
}
