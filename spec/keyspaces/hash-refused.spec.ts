// HashKeyspace: bad input is refused when the command is queued (nothing queued, nothing sent), with errors
// that name key and member; scans refuse a pipelined instance; a badly declared class is refused.
import { expect } from 'chai';
import { Binary, BooleanField, Float, Integer, InvalidValueError, List, StringList, Text, type Codec } from '../../lib/codecs/index.js';
import { HashKeyspace, InvalidArgumentError, InvalidIdError, KeyspaceDefinitionError } from '../../lib/keyspaces/index.js';
import { pipeline, PipelineUsageError, type Pipeline } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { thrown, useCountedConnection } from './collections-support.js';

type Typed = { name: string; age: number; score: number; admin: boolean; avatar: Buffer; tags: unknown[]; labels: string[] };

class Texts extends HashKeyspace {
  static override keyspace = uniqueKey('HT');
}
class Typeds extends HashKeyspace<Typed> {
  static override keyspace = uniqueKey('HP');
  static override fields = { name: Text, age: Integer, score: Float, admin: BooleanField, avatar: Binary, tags: List, labels: StringList };
}

type ErrorClass = new (...args: never[]) => Error;
interface Case {
  readonly label: string;
  readonly error: ErrorClass;
  readonly call: (pipe: Pipeline | undefined) => unknown;
  /** Text the message must contain, besides the key. */
  readonly names?: string;
}

const bad = <T>(value: unknown): T => value as T;

const CASES: readonly Case[] = [
  // wrong value type per member codec
  { label: 'Text member: a number', error: InvalidValueError, names: '"name"', call: (p) => new Typeds('1', p).hset('name', bad<string>(5)) },
  { label: 'Integer member: a fraction', error: InvalidValueError, names: '"age"', call: (p) => new Typeds('1', p).hset('age', 1.5) },
  { label: 'Integer member: a numeric string', error: InvalidValueError, names: '"age"', call: (p) => new Typeds('1', p).hsetnx('age', bad<number>('5')) },
  { label: 'Integer member: beyond 2^53', error: InvalidValueError, names: '"age"', call: (p) => new Typeds('1', p).hset({ age: 2 ** 53 }) },
  { label: 'Float member: NaN', error: InvalidValueError, names: '"score"', call: (p) => new Typeds('1', p).hset({ score: NaN }) },
  { label: 'Boolean member: a string', error: InvalidValueError, names: '"admin"', call: (p) => new Typeds('1', p).hset('admin', bad<boolean>('yes')) },
  { label: 'Binary member: a string', error: InvalidValueError, names: '"avatar"', call: (p) => new Typeds('1', p).hset('avatar', bad<Buffer>('abc')) },
  { label: 'List member: NaN inside', error: InvalidValueError, names: '"tags"', call: (p) => new Typeds('1', p).hmset({ tags: [1, NaN] }) },
  { label: 'StringList member: an item with a comma', error: InvalidValueError, names: '"labels"', call: (p) => new Typeds('1', p).hset({ labels: ['a,b'] }) },
  { label: 'undeclared member (Text): an object', error: InvalidValueError, names: '"extra"', call: (p) => new Texts('1', p).hset({ extra: bad<string>({}) }) },
  { label: 'one bad member among good ones', error: InvalidValueError, names: '"age"', call: (p) => new Typeds('1', p).hset({ name: 'ok', age: 0.5, score: 1 }) },
  // null / undefined values are refused (deleting is hdel's job)
  { label: 'null in a map', error: InvalidValueError, names: '"age"', call: (p) => new Typeds('1', p).hset({ name: 'a', age: bad<number>(null) }) },
  { label: 'undefined in a map', error: InvalidValueError, names: '"name"', call: (p) => new Typeds('1', p).hmset({ name: undefined, age: 1 }) },
  { label: 'null for one member', error: InvalidValueError, names: '"b"', call: (p) => new Texts('1', p).hset('b', bad<string>(null)) },
  { label: 'undefined in hsetnx', error: InvalidValueError, names: '"b"', call: (p) => new Texts('1', p).hsetnx('b', bad<string>(undefined)) },
  // member names the member codec refuses
  { label: 'member name: a number', error: InvalidValueError, call: (p) => new Texts('1', p).hget(bad<string>(5)) },
  { label: 'member name: a lone surrogate', error: InvalidValueError, call: (p) => new Texts('1', p).hset('\ud800', 'x') },
  { label: 'member names: one non-string in hdel', error: InvalidValueError, call: (p) => new Texts('1', p).hdel(['a', bad<string>(null)]) },
  { label: 'member names: one non-string in hmget', error: InvalidValueError, call: (p) => new Texts('1', p).hmget(['a', bad<string>({})]) },
  // bad ids
  { label: 'id: a number', error: InvalidIdError, call: (p) => new Texts(bad<string>(5), p).hset('a', 'b') },
  { label: 'id: empty', error: InvalidIdError, call: (p) => new Texts('', p).hgetall() },
  { label: 'id: with braces', error: InvalidIdError, call: (p) => new Texts('a{b}', p).hget('a') },
  { label: 'rename to an id with a brace', error: InvalidIdError, call: (p) => new Texts('1', p).rename('x}') },
  // arguments Redis would refuse
  { label: 'hset of an empty map', error: InvalidArgumentError, call: (p) => new Texts('1', p).hset({}) },
  { label: 'hmset of an array', error: InvalidArgumentError, call: (p) => new Texts('1', p).hmset(bad<Record<string, string>>(['a', 'b'])) },
  { label: 'hset of null', error: InvalidArgumentError, call: (p) => new Texts('1', p).hset(bad<Record<string, string>>(null)) },
  { label: 'hdel of no members', error: InvalidArgumentError, call: (p) => new Texts('1', p).hdel([]) },
  { label: 'hmget of no members', error: InvalidArgumentError, call: (p) => new Texts('1', p).hmget([]) },
  { label: 'hincrby by a fraction', error: InvalidArgumentError, call: (p) => new Texts('1', p).hincrby('n', 1.5) },
  { label: 'hincrbyfloat by NaN', error: InvalidArgumentError, call: (p) => new Texts('1', p).hincrbyfloat('n', NaN) },
  { label: 'hincrbyfloat by Infinity', error: InvalidArgumentError, call: (p) => new Texts('1', p).hincrbyfloat('n', Infinity) },
  { label: 'hrandfield of a fractional count', error: InvalidArgumentError, call: (p) => new Texts('1', p).hrandfield(1.5) },
  { label: 'hrandfield withValues without a count', error: InvalidArgumentError, call: (p) => new Texts('1', p).hrandfield(bad<number>(undefined), { withValues: true }) },
  { label: 'expire with nx and xx', error: InvalidArgumentError, call: (p) => new Texts('1', p).expire(10, { nx: true, xx: true }) },
];

describe('HashKeyspace: bad input is refused when queued', () => {
  const counted = useCountedConnection();

  for (const { label, error, call, names } of CASES) {
    it(`${label}: throws ${error.name}, queues and sends nothing`, async () => {
      const alone = thrown(() => call(undefined));
      expect(alone).to.be.instanceOf(error);
      if (names !== undefined) expect(alone.message).to.contain('{1}').and.contain(names);
      const pipe = pipeline();
      expect(thrown(() => call(pipe))).to.be.instanceOf(error);
      expect(pipe.size).to.equal(0);
      await pipe.execute();
      expect(counted.proxy.roundTrips).to.equal(0);
    });
  }

  it('write errors name the key and member; null tells to use hdel', () => {
    const message = thrown(() => new Typeds('7').hset({ name: 'a', age: bad<number>(null) })).message;
    expect(message).to.contain(`${String(Typeds.keyspace)}{7}`).and.contain('member "age"').and.contain('hdel');
    const value = thrown(() => new Typeds('7').hset('age', 1.5)) as InvalidValueError;
    expect([value.codec, value.value, value.where]).to.deep.equal(['Integer', 1.5, `key ${String(Typeds.keyspace)}{7} member "age"`]);
    expect(counted.proxy.roundTrips).to.equal(0);
  });

  it('hscan on a pipelined instance is refused and sends nothing', async () => {
    const pipe = pipeline();
    const generator = new Texts('1', pipe).hscan();
    let caught: unknown;
    try {
      await generator.next();
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(PipelineUsageError);
    expect((caught as Error).message).to.contain('HSCAN');
    expect(pipe.size).to.equal(0);
    expect(counted.proxy.roundTrips).to.equal(0);
  });

  it('a class whose fields hold a non-codec, or a member name its member codec refuses, is refused when used', () => {
    class Broken extends HashKeyspace {
      static override keyspace = uniqueKey('HX');
      static override fields = { age: bad<Codec<unknown>>(Number) };
    }
    class BadName extends HashKeyspace {
      static override keyspace = uniqueKey('HY');
      static override fields = { '\ud800': Text };
    }
    expect(thrown(() => new Broken('1').hget('age'))).to.be.instanceOf(KeyspaceDefinitionError).with.property('message').that.contains('fields["age"]');
    expect(thrown(() => new BadName('1').hgetall())).to.be.instanceOf(KeyspaceDefinitionError);
    expect(counted.proxy.roundTrips).to.equal(0);
  });
});
