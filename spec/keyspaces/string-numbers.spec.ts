// StringKeyspace counters and bits on a real server, in every mode: incr/decr families resolve to numbers
// and read back through the value codec; setbit/getbit/bitcount/bitpos/bitop on byte patterns.
import { expect } from 'chai';
import { Float, Integer } from '../../lib/codecs/index.js';
import { MODES, expectOnlyOn, run, useServers } from './collections-support.js';
import { rawKey, rawOf, stringKind } from './string-support.js';

for (const mode of MODES) {
  describe(`StringKeyspace: counters and bits — ${mode.label}`, () => {
    const servers = useServers();

    it('incr / incrby / decr / decrby resolve to numbers; the Integer codec reads the counter', async () => {
      const C = stringKind(mode, Integer, 'C');
      const results = await run(mode, (pipe) => {
        const c = new C('hits', pipe);
        return [c.incr(), c.incrby(10), c.decr(), c.decrby(3), c.incrby(-20), c.get(), c.set(5), c.incr()] as const;
      });
      expect(results).to.deep.equal([1, 11, 10, 7, -13, -13, true, 6]);
      expect(await rawOf(servers, mode).get(rawKey(C, 'hits'))).to.equal('6');
      await expectOnlyOn(servers, mode, rawKey(C, 'hits'));
    });

    it('incrbyfloat resolves to a number; the Float codec reads what Redis stored', async () => {
      const F = stringKind(mode, Float, 'F');
      const [a, b, c, read, big] = await run(mode, (pipe) => {
        const f = new F('x', pipe);
        return [f.incrbyfloat(10.5), f.incrbyfloat(0.1), f.incrbyfloat(-0.6), f.get(), new F('y', pipe).incrbyfloat(1e21)] as const;
      });
      expect([a, b, c, read]).to.deep.equal([10.5, 10.6, 10, 10]);
      expect(big).to.equal(1e21);
      expect(await rawOf(servers, mode).get(rawKey(F, 'x'))).to.equal('10');
    });

    it('setbit answers the old bit; getbit reads bits; bitcount counts whole, by byte range and by bit range', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      const [old0, old1, again, bit1, bit2, beyond, all, bytes, bits, missing] = await run(mode, (pipe) => {
        const s = new S('b', pipe);
        return [
          s.setbit(1, 1), s.setbit(9, 1), s.setbit(1, 0),
          s.getbit(9), s.getbit(1), s.getbit(1000),
          s.bitcount(), s.bitcount({ start: 1, end: 1 }), s.bitcount({ start: 0, end: 8, unit: 'bit' }),
          new S('none', pipe).bitcount(),
        ] as const;
      });
      expect([old0, old1, again]).to.deep.equal([0, 0, 1]);
      expect([bit1, bit2, beyond]).to.deep.equal([1, 0, 0]);
      expect([all, bytes, bits, missing]).to.deep.equal([1, 1, 0, 0]);
      expect((await raw.getBuffer(rawKey(S, 'b')))?.toString('hex')).to.equal('0040');
    });

    it('bitpos finds the first 0/1 bit, within byte and bit ranges; -1 when none', async () => {
      const S = stringKind(mode);
      await rawOf(servers, mode).set(rawKey(S, 'p'), Buffer.from([0x00, 0x0f, 0xff]));
      const results = await run(mode, (pipe) => {
        const s = new S('p', pipe);
        return [
          s.bitpos(1), s.bitpos(0), s.bitpos(1, { start: 2 }), s.bitpos(0, { start: 2, end: 2 }),
          s.bitpos(1, { start: 0, end: 11, unit: 'bit' }), s.bitpos(1, { start: 0, end: 12, unit: 'bit' }),
          new S('none', pipe).bitpos(1),
        ] as const;
      });
      expect(results).to.deep.equal([12, 0, 16, -1, -1, 12, -1]);
    });

    it('bitop ANDs / ORs / XORs other ids into this record and NOTs one', async () => {
      const S = stringKind(mode);
      const raw = rawOf(servers, mode);
      await raw.set(rawKey(S, 'a'), Buffer.from([0b1100]));
      await raw.set(rawKey(S, 'b'), Buffer.from([0b1010, 0xff]));
      const results = await run(mode, (pipe) => [
        new S('and', pipe).bitop('and', ['a', 'b']),
        new S('or', pipe).bitop('or', ['a', 'b']),
        new S('xor', pipe).bitop('xor', ['a', 'b']),
        new S('not', pipe).bitop('not', 'a'),
        new S('a', pipe).bitop('or', 'a'),
      ] as const);
      expect(results).to.deep.equal([2, 2, 2, 1, 1]);
      const hex = async (id: string) => (await raw.getBuffer(rawKey(S, id)))?.toString('hex');
      expect(await hex('and')).to.equal('0800');
      expect(await hex('or')).to.equal('0eff');
      expect(await hex('xor')).to.equal('06ff');
      expect(await hex('not')).to.equal('f3');
      expect(await hex('a')).to.equal('0c');
      await expectOnlyOn(servers, mode, rawKey(S, 'xor'));
    });
  });
}
