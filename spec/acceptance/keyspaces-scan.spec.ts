// Acceptance: scans as async iterators, honouring key templates, escaping the prefix's glob characters.
import { expect } from 'chai';
import { StringKeyspace, SetKeyspace, HashKeyspace } from '../../lib/index.js';
import { useConnections, prefix, inPipe, collect } from './keyspaces-support.js';
import { newClient } from '../harness/index.js';

describe('acceptance keyspaces: scans', () => {
  const c = useConnections();

  it('scanIds yields the ids of prefix{id} keys (for await), and only this keyspace', async () => {
    const base = prefix('scan');
    class Users extends StringKeyspace { static override keyspace = base; }
    class Other extends StringKeyspace { static override keyspace = `${base}x`; }
    const ids = Array.from({ length: 120 }, (_, i) => `u${i}`);
    await inPipe((p) => {
      ids.forEach((id) => new Users(id, p).set('v'));
      new Other('intruder', p).set('v');
    });
    await c.raw.set(`${base}{not-closed`, 'v');
    await c.raw.set(`${base}`, 'v');
    const found: string[] = [];
    for await (const id of Users.scanIds({ count: 25 })) found.push(id);
    expect(new Set(found)).to.deep.equal(new Set(ids));
  });

  it('match is a glob on ids', async () => {
    class Users extends StringKeyspace { static override keyspace = prefix('scanm'); }
    await inPipe((p) => ['ab1', 'ab2', 'cd1', 'xab'].forEach((id) => new Users(id, p).set('v')));
    const found = await collect(Users.scanIds({ match: 'ab*' }));
    expect(found.sort()).to.deep.equal(['ab1', 'ab2']);
  });

  it('escapes glob characters of the prefix', async () => {
    const base = prefix('g');
    class Globby extends StringKeyspace { static override keyspace = `${base}*[x]?\\`; }
    // Keys an unescaped `${base}*[x]?\\{*}` pattern would match too.
    class Decoy1 extends StringKeyspace { static override keyspace = `${base}AAxZ`; }
    class Decoy2 extends StringKeyspace { static override keyspace = `${base}-x-`; }
    await inPipe((p) => {
      new Globby('1', p).set('v');
      new Globby('2', p).set('v');
      new Decoy1('3', p).set('v');
      new Decoy2('4', p).set('v');
    });
    expect(await c.raw.exists(`${base}*[x]?\\{1}`)).to.equal(1);
    const monitor = await newClient('primary').monitor();
    const patterns: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (String(args[0]).toLowerCase() === 'scan') {
        const i = args.findIndex((a) => String(a).toLowerCase() === 'match');
        // MONITOR shows arguments quoted the sdscatrepr way: `\\` stands for one backslash.
        if (i >= 0) patterns.push(String(args[i + 1]).replace(/\\([\\"])/g, '$1'));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const found = await collect(Globby.scanIds());
    for (let waited = 0; patterns.length === 0 && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    monitor.disconnect();
    expect(found.sort()).to.deep.equal(['1', '2']);
    expect(patterns.length, 'SCAN sent with MATCH').to.be.greaterThan(0);
    // Replay the pattern the library sent: it must not match the decoys' keys.
    let cursor = '0';
    const all = new Set<string>();
    do {
      const [next, page] = await c.raw.scan(cursor, 'MATCH', patterns[0], 'COUNT', 10000);
      page.forEach((k) => all.add(k));
      cursor = next;
    } while (cursor !== '0');
    expect([...all].sort()).to.deep.equal([`${base}*[x]?\\{1}`, `${base}*[x]?\\{2}`]);
  });

  it('honours a custom key template, both in the match pattern and when parsing ids back', async () => {
    const base = prefix('tpl');
    class Sessions extends StringKeyspace {
      static override keyspace = base;
      static override keyTemplate = (ks: string, id: string) => `${ks}:session:${id}:data`;
    }
    await inPipe((p) => ['s1', 's2', 's3'].forEach((id) => new Sessions(id, p).set(id)));
    await c.raw.set(`${base}:session:s9:other`, 'v');
    await c.raw.set(`${base}{s8}`, 'v');
    expect(new Sessions('s1').key).to.equal(`${base}:session:s1:data`);
    expect(await c.raw.get(`${base}:session:s2:data`)).to.equal('s2');
    const found = await collect(Sessions.scanIds());
    expect(found.sort()).to.deep.equal(['s1', 's2', 's3']);
    const matched = await collect(Sessions.scanIds({ match: '*2' }));
    expect(matched).to.deep.equal(['s2']);
  });

  it('scanIds of a class on a named connection scans that server', async () => {
    class Remote extends SetKeyspace {
      static override keyspace = prefix('scanr');
      static override connection = 'users';
    }
    await inPipe((p) => ['a', 'b'].forEach((id) => new Remote(id, p).sadd('m')));
    expect((await collect(Remote.scanIds())).sort()).to.deep.equal(['a', 'b']);
    expect(await c.rawUsers.exists(`${Remote.keyspace}{a}`)).to.equal(1);
  });

  it('sscan and hscan work on a named connection and can stop early', async () => {
    class Remote extends HashKeyspace {
      static override keyspace = prefix('scanh');
      static override connection = 'users';
    }
    const values = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, `${i}`]));
    await inPipe((p) => new Remote('h', p).hset(values));
    let n = 0;
    for await (const [member, value] of new Remote('h').hscan({ count: 10 })) {
      expect(values[member]).to.equal(value);
      if (++n === 5) break;
    }
    expect(n).to.equal(5);
    const all = await collect(new Remote('h').hscan());
    expect(Object.fromEntries(all)).to.deep.equal(values);
  });
});
