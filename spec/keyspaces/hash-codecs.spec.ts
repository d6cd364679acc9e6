// HashKeyspace with a codec per member (Text, Integer, Float, Boolean, Binary, List, Dict, StringList and an
// undeclared member) end to end on real Redis: what is stored, what reads back, Buffer replies whenever a
// binary member can come back, values exactly as Python redpipe 4.0.0 writes them, and decode errors that
// name key and member.
import { expect } from 'chai';
import {
  Binary, BooleanField, DecodeError, Dict, Float, Integer, List, StringList, Text, type JsonObject, type JsonValue,
} from '../../lib/codecs/index.js';
import { HashKeyspace } from '../../lib/keyspaces/index.js';
import { uniqueKey } from '../harness/index.js';
import { MODES, rejection, run, sorted, useServers, type Mode } from './collections-support.js';

// A type alias, not an interface: `F extends Record<string, unknown>` needs an implicit index signature.
type Profile = {
  name: string;
  age: number;
  score: number;
  small: number;
  sum: number;
  admin: boolean;
  verified: boolean;
  avatar: Buffer;
  tags: JsonValue[];
  prefs: JsonObject;
  labels: string[];
};

/** A fresh per-member-codec hash class with a unique prefix on the mode's connection. */
function profileKind(mode: Mode) {
  return class Profiles extends HashKeyspace<Profile> {
    static override keyspace = uniqueKey('P');
    static override connection = mode.connection;
    static override fields = {
      name: Text, age: Integer, score: Float, small: Float, sum: Float, admin: BooleanField, verified: BooleanField,
      avatar: Binary, tags: List, prefs: Dict, labels: StringList,
    };
  };
}

const rawKey = (cls: { keyspace: string | undefined }, id: string): string => `${String(cls.keyspace)}{${id}}`;

/**
 * What Python redpipe 4.0.0 stores for these members: produced by running its own fields.py
 * (`IntegerField.encode(5)`, `FloatField.encode(1e16)`, `DictField.encode({'a': 1, 'é': 'é'})`…).
 */
const PYTHON_WRITES: Record<string, Buffer> = {
  name: Buffer.from('h\xc3\xa9llo', 'latin1'),
  age: Buffer.from('5'),
  score: Buffer.from('1e+16'),
  small: Buffer.from('1e-05'),
  sum: Buffer.from('0.30000000000000004'),
  admin: Buffer.from(''),
  verified: Buffer.from('1'),
  avatar: Buffer.from([0xff, 0x00]),
  tags: Buffer.from('[1, "a"]'),
  prefs: Buffer.from('{"a": 1, "\\u00e9": "\\u00e9"}'),
  labels: Buffer.from('a,b,c'),
  nick: Buffer.from('undeclared'),
};

const PYTHON_READS = {
  name: 'héllo', age: 5, score: 1e16, small: 1e-5, sum: 0.30000000000000004, admin: false, verified: true,
  avatar: Buffer.from([0xff, 0x00]), tags: [1, 'a'], prefs: { a: 1, é: 'é' }, labels: ['a', 'b', 'c'], nick: 'undeclared',
};

const VALUES: Profile = {
  name: 'Zoë 😀', age: -42, score: 0.5, small: -0, sum: Infinity, admin: true, verified: false,
  avatar: Buffer.from([0, 1, 0xfe, 0xff, 0xc3]), tags: [1, 'two', null, { three: 3 }], prefs: { dark: true, n: 1.5 },
  labels: ['x', 'y z'],
};

describe('HashKeyspace: per-member codecs end to end', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];

      it('hset of a map encodes each member with its codec; hgetall decodes each with its own', async () => {
        const P = profileKind(mode);
        const [count] = await run(mode, (pipe) => [new P('1', pipe).hset(VALUES)] as const);
        expect(count).to.equal(11);
        const stored = await raw().hgetallBuffer(rawKey(P, '1'));
        expect(Object.fromEntries(Object.entries(stored).filter(([m]) => m !== 'avatar').map(([m, v]) => [m, v.toString('utf8')]))).to.deep.equal({
          name: 'Zoë 😀', age: '-42', score: '0.5', small: '-0', sum: 'inf', admin: '1', verified: '',
          tags: JSON.stringify(VALUES.tags), prefs: JSON.stringify(VALUES.prefs), labels: 'x,y z',
        });
        expect(stored.avatar.equals(VALUES.avatar)).to.equal(true);
        const [all] = await run(mode, (pipe) => [new P('1', pipe).hgetall()] as const);
        expect(all).to.deep.equal(VALUES);
        expect(Object.is(all.small, -0)).to.equal(true);
      });

      it('values written by Python redpipe decode to equal values, undeclared members included (never dropped)', async () => {
        const P = profileKind(mode);
        await raw().hset(rawKey(P, 'py'), PYTHON_WRITES);
        const [all, vals, keys] = await run(mode, (pipe) => {
          const p = new P('py', pipe);
          return [p.hgetall(), p.hvals(), p.hkeys()] as const;
        });
        expect(all).to.deep.equal(PYTHON_READS);
        expect(sorted(keys)).to.deep.equal(sorted(Object.keys(PYTHON_WRITES)));
        expect(vals).to.deep.equal(keys.map((member) => (PYTHON_READS as Record<string, unknown>)[member]));
      });

      it('hget and hmget decode per member; a binary member comes back as a Buffer next to text ones', async () => {
        const P = profileKind(mode);
        await raw().hset(rawKey(P, 'py'), PYTHON_WRITES);
        const results = await run(mode, (pipe) => {
          const p = new P('py', pipe);
          return [p.hget('age'), p.hget('score'), p.hget('admin'), p.hget('verified'), p.hget('avatar'), p.hget('tags'),
            p.hget('prefs'), p.hget('labels'), p.hget('name'), p.hmget(['avatar', 'name', 'age', 'labels']), p.hmget('sum')] as const;
        });
        expect(results).to.deep.equal([5, 1e16, false, true, Buffer.from([0xff, 0]), [1, 'a'], { a: 1, é: 'é' }, ['a', 'b', 'c'], 'héllo',
          [Buffer.from([0xff, 0]), 'héllo', 5, ['a', 'b', 'c']], [0.30000000000000004]]);
        expect(Buffer.isBuffer(results[4])).to.equal(true);
      });

      it('hsetnx, hrandfield withValues and hscan go through the member codecs too', async () => {
        const P = profileKind(mode);
        const [first, second] = await run(mode, (pipe) => {
          const p = new P('1', pipe);
          return [p.hsetnx('age', 7), p.hsetnx('age', 8)] as const;
        });
        expect([first, second]).to.deep.equal([true, false]);
        await raw().hset(rawKey(P, '1'), { avatar: Buffer.from([0xff]), admin: '1', nick: 'n' });
        const [pairs] = await run(mode, (pipe) => [new P('1', pipe).hrandfield(10, { withValues: true })] as const);
        const expected = { age: 7, avatar: Buffer.from([0xff]), admin: true, nick: 'n' };
        expect(Object.fromEntries(pairs)).to.deep.equal(expected);
        const scanned: [string, unknown][] = [];
        for await (const entry of new P('1').hscan()) scanned.push(entry);
        expect(Object.fromEntries(scanned)).to.deep.equal(expected);
      });

      it('hincrby and hincrbyfloat work on Integer and Float members, read back through their codecs', async () => {
        const P = profileKind(mode);
        await run(mode, (pipe) => [new P('1', pipe).hset({ age: 40, score: 1.25 })] as const);
        const [age, score, readAge, readScore] = await run(mode, (pipe) => {
          const p = new P('1', pipe);
          return [p.hincrby('age', 2), p.hincrbyfloat('score', 0.5), p.hget('age'), p.hget('score')] as const;
        });
        expect([age, score, readAge, readScore]).to.deep.equal([42, 1.75, 42, 1.75]);
      });

      it('a text member that is not UTF-8 fails the Buffer read naming key and member, never U+FFFD', async () => {
        const P = profileKind(mode);
        await raw().hset(rawKey(P, 'bad'), 'avatar', Buffer.from([1]), 'name', Buffer.from([0xc3, 0x28]));
        const error = await rejection(new P('bad').hgetall().promise);
        const cause = (error as Error & { cause?: unknown }).cause;
        expect(cause).to.be.instanceOf(DecodeError);
        expect((cause as DecodeError).message).to.contain(rawKey(P, 'bad')).and.contain('"name"').and.contain('UTF-8');
      });

      it('a stored value its codec cannot read fails only that read, naming key and member', async () => {
        const P = profileKind(mode);
        await raw().hset(rawKey(P, 'bad'), 'age', 'abc', 'score', '1.5');
        const [score] = await run(mode, (pipe) => [new P('bad', pipe).hget('score')] as const);
        expect(score).to.equal(1.5);
        const error = await rejection(new P('bad').hget('age').promise);
        const cause = (error as Error & { cause?: unknown }).cause as DecodeError;
        expect(cause).to.be.instanceOf(DecodeError);
        expect(cause.codec).to.equal('Integer');
        expect(cause.message).to.contain(rawKey(P, 'bad')).and.contain('"age"').and.contain('"abc"');
      });
    });
  }

  it('undeclared members use valueCodec (here Integer; a Binary valueCodec makes whole-hash reads Buffers)', async () => {
    class Counts extends HashKeyspace<{ label: string } & Record<string, unknown>> {
      static override keyspace = uniqueKey('C');
      static override fields = { label: Text };
      static override valueCodec = Integer;
    }
    class Blobs extends HashKeyspace<Record<string, Buffer>> {
      static override keyspace = uniqueKey('B');
      static override valueCodec = Binary;
    }
    await new Counts('1').hset({ label: 'x', a: 1, b: -2 }).promise;
    expect(await servers.primary.hgetall(rawKey(Counts, '1'))).to.deep.equal({ label: 'x', a: '1', b: '-2' });
    expect(await new Counts('1').hgetall().promise).to.deep.equal({ label: 'x', a: 1, b: -2 });
    await servers.primary.hset(rawKey(Blobs, '1'), 'k', Buffer.from([0xff, 0xfe]));
    const blobs = await new Blobs('1').hgetall().promise;
    expect(Buffer.isBuffer(blobs.k)).to.equal(true);
    expect(blobs.k?.equals(Buffer.from([0xff, 0xfe]))).to.equal(true);
    expect(HashKeyspace.codecFor.call(Counts, 'label')).to.equal(Text);
    expect(HashKeyspace.codecFor.call(Counts, 'other')).to.equal(Integer);
  });
});
