import { createHash } from 'node:crypto';
import type { Codec } from '../codecs/codec.js';
import { Text } from '../codecs/text.js';
import { connectionFor, DEFAULT_CONNECTION } from '../pipeline/connections.js';
import { derive, type Deferred } from '../pipeline/deferred.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { InvalidIdError, KeyspaceDefinitionError } from './errors.js';
import { decodeField } from './hash-fields.js';
import { HashKeyspace } from './hash.js';
import { Keyspace, type KeyspaceClass } from './keyspace.js';
import { checkOptions, optionNames } from './options.js';
import { decodeNullable, decodeNullableList, toBoolean, toNumber, toScore } from './replies.js';
import { SCAN_OPTIONS, scanPages, type ScanOptions } from './scan.js';
import { manyOf, type OneOrMany } from './value-keyspace.js';

/** The static side of a HashedString keyspace. */
type HashedStringClass = KeyspaceClass & {
  readonly name: string;
  shardCount: number;
  valueCodec: Codec<unknown>;
  memberCodec: Codec<string>;
  shard(key: string): number;
};

/** A HashedString class whose instances hold values of type `V`. */
type HashedStringOf<V> = KeyspaceClass & (new (key: string, pipe?: Pipeline) => HashedStringKeyspace<V>);

/** Options of `HashedStringKeyspace.set`. */
export interface HashedStringSetOptions {
  /** Only set when the logical key is missing (HSETNX). */
  nx?: boolean;
}
/** Every option of HashedStringSetOptions, for checkOptions. */
const HASHED_SET_OPTIONS = optionNames<HashedStringSetOptions>()(['nx']);

const shardHashes = new WeakMap<object, new (id: string, pipe?: Pipeline) => HashKeyspace<Record<string, unknown>>>();

/**
 * redpipe's HashedString: a huge set of small string values (an index such as email → user id) kept
 * in `shardCount` hashes instead of one key each. A logical key `k` lives in the hash `prefix{shard}`
 * as the member `k`, where `shard = int(md5(k).hexdigest(), 16) % shardCount` exactly as in Python
 * redpipe, so both read and write the same data. The instance's id is the logical key:
 * `new Emails('user@x.com', pipe).get()` is `HGET E{49} user@x.com`.
 *
 * Redis mapping: get → HGET, set → HSET (HSETNX with nx), setnx → HSETNX, strlen → HSTRLEN,
 * incr/incrby → HINCRBY, incrbyfloat → HINCRBYFLOAT, delete → HDEL, exists → HEXISTS, mget → one
 * HMGET per shard, static scan → HSCAN of every shard (all of them, unlike redpipe, which skipped
 * the last one). Key commands (expire, ttl, rename…) would act on a whole shard, so they are refused
 * here: reach a shard as a hash with `shardHash(shard)`. Logical keys are non-empty strings; unlike
 * ids, they may contain `{` and `}` (they are never part of a Redis key).
 *
 * @example
 * class Emails extends HashedStringKeyspace { static override keyspace = 'E'; }
 * new Emails('user@x.com', pipe).set('42');
 */
export class HashedStringKeyspace<V = string> extends Keyspace {
  /** Number of shard hashes (redpipe's default, 64). Changing it moves most logical keys. */
  static shardCount = 64;
  /** Codec of the values. */
  static valueCodec: Codec<unknown> = Text;
  /** Codec of logical keys (the hash members). */
  static memberCodec: Codec<string> = Text;

  /** The shard of a logical key: `int(md5(key).hexdigest(), 16) % shardCount`, as Python redpipe computes it. */
  static shard(this: { shardCount: number; name: string }, key: string): number {
    const count = this.shardCount;
    if (!Number.isSafeInteger(count) || count < 1) {
      throw new KeyspaceDefinitionError(`${this.name}: static shardCount must be a positive integer, got ${String(count)}`);
    }
    const digest = createHash('md5').update(key, 'utf8').digest();
    if (count <= 2 ** 44) {
      // Horner's rule mod count: every step stays below 2^53, so this equals the 128-bit remainder.
      let rest = 0;
      for (const byte of digest) rest = (rest * 256 + byte) % count;
      return rest;
    }
    return Number(BigInt(`0x${digest.toString('hex')}`) % BigInt(count));
  }

  /** The Redis key of the shard hash holding logical key `id` (the key is checked first). */
  static override redisKey(this: KeyspaceClass, id: string): string {
    const cls = this as HashedStringClass;
    checkLogicalKey(cls, id);
    return shardKey(cls, cls.shard(id));
  }

  /** The Redis key of shard number `shard`, `prefix{shard}`. */
  static shardKey(this: KeyspaceClass, shard: number): string {
    return shardKey(this as HashedStringClass, shard);
  }

  /** Shard `shard` as a hash keyspace instance (logical keys as members), for shard-wide commands. */
  static shardHash(this: KeyspaceClass, shard: number, pipe?: Pipeline): HashKeyspace<Record<string, unknown>> {
    const cls = this as HashedStringClass;
    let Shard = shardHashes.get(cls);
    if (!Shard) {
      class ShardHash extends HashKeyspace<Record<string, unknown>> {
        static override keyspace = cls.keyspace;
        static override connection = cls.connection;
        static override keyTemplate = cls.keyTemplate;
        static override memberCodec = cls.memberCodec;
        static override valueCodec = cls.valueCodec;
      }
      Shard = ShardHash;
      shardHashes.set(cls, Shard);
    }
    return new Shard(String(checkShard(cls, shard)), pipe);
  }

  /** Every logical key (`for await`) of every shard; `match` is a Redis glob on logical keys. */
  static override async *scanIds(this: KeyspaceClass, options: ScanOptions = {}): AsyncGenerator<string> {
    const cls = this as unknown as HashedStringOf<unknown>;
    for await (const [key] of HashedStringKeyspace.scan.call(cls, options)) yield key;
  }

  /** Every `[logicalKey, value]` (`for await`) of every shard, the last one included; `match` globs logical keys. */
  static async *scan<V>(this: HashedStringOf<V>, options: ScanOptions = {}): AsyncGenerator<[string, V]> {
    const cls = this as unknown as HashedStringClass;
    checkOptions('hscan', cls.keyTemplate(cls.keyspace ?? cls.name, '*'), options, SCAN_OPTIONS);
    const { memberCodec, valueCodec } = cls;
    const buffer = memberCodec.binary === true || valueCodec.binary === true;
    const client = connectionFor(cls.connection ?? DEFAULT_CONNECTION);
    for (let shard = 0; shard < cls.shardCount; shard++) {
      const key = shardKey(cls, shard);
      for await (const page of scanPages(client, 'hscan', key, options.match, options.count, buffer)) {
        for (let i = 0; i < page.length; i += 2) {
          const member = decodeField(memberCodec, page[i], key, '(a member name)') as string;
          yield [member, decodeField(valueCodec, page[i + 1], key, member) as V];
        }
      }
    }
  }

  /** The logical key encoded as the hash member. */
  readonly #member: string | Buffer;

  constructor(key: string, pipe?: Pipeline) {
    super(key, pipe);
    this.#member = this.encodeFor((this.constructor as typeof HashedStringKeyspace).memberCodec, key, key);
  }

  /** The shard number of this logical key. */
  get shard(): number {
    return (this.constructor as typeof HashedStringKeyspace).shard(this.id);
  }

  /** The value codec of this class. */
  protected get valueCodec(): Codec<V> {
    return (this.constructor as typeof HashedStringKeyspace).valueCodec as Codec<V>;
  }

  /** The value of this logical key, or null when missing. */
  get(): Deferred<V | null> {
    const codec = this.valueCodec;
    return this.send('hget', [this.key, this.#member], (reply) => decodeNullable(codec, reply, this.whereOf(this.id)), codec.binary);
  }

  /** Sets the value (only when missing with `nx`); true when the logical key was created. */
  set(value: V, options: HashedStringSetOptions = {}): Deferred<boolean> {
    checkOptions('set', this.key, options, HASHED_SET_OPTIONS);
    const encoded = this.encodeFor(this.valueCodec, value, this.id);
    return this.send(options.nx ? 'hsetnx' : 'hset', [this.key, this.#member, encoded], toBoolean);
  }

  /** Sets the value only when the logical key is missing; true when set. */
  setnx(value: V): Deferred<boolean> {
    return this.set(value, { nx: true });
  }

  /** The length in bytes of the stored value (0 when missing). */
  strlen(): Deferred<number> {
    return this.send('hstrlen', [this.key, this.#member], toNumber);
  }

  /** Adds `by` (default 1) to the integer value; resolves to the new value. */
  incr(by = 1): Deferred<number> {
    return this.send('hincrby', [this.key, this.#member, this.whole('incr', by)], toNumber);
  }

  /** Adds the integer `by` to the value; resolves to the new value. */
  incrby(by: number): Deferred<number> {
    return this.send('hincrby', [this.key, this.#member, this.whole('incrby', by)], toNumber);
  }

  /** Adds the float `by` (default 1) to the value; resolves to the new value. */
  incrbyfloat(by = 1): Deferred<number> {
    if (typeof by !== 'number' || !Number.isFinite(by)) this.refuse('incrbyfloat', `expected a finite number, got ${String(by)}`);
    return this.send('hincrbyfloat', [this.key, this.#member, by], toScore);
  }

  /** Removes this logical key (HDEL from its shard); resolves to 1 when it existed, else 0. */
  override delete(): Deferred<number> {
    return this.send('hdel', [this.key, this.#member], toNumber);
  }

  /** Whether this logical key exists (HEXISTS in its shard). */
  override exists(): Deferred<boolean> {
    return this.send('hexists', [this.key, this.#member], toBoolean);
  }

  /** The values of this logical key then of `others` (one HMGET per shard, one round trip); null for missing ones. */
  mget(others: OneOrMany<string> = []): Deferred<(V | null)[]> {
    const cls = this.constructor as typeof HashedStringKeyspace;
    const keys = [this.id, ...manyOf(others)];
    const groups = new Map<string, { members: (string | Buffer)[]; positions: number[] }>();
    keys.forEach((key, position) => {
      const redisKey = position === 0 ? this.key : this.otherKey(key);
      let group = groups.get(redisKey);
      if (!group) groups.set(redisKey, (group = { members: [], positions: [] }));
      group.members.push(position === 0 ? this.#member : this.encodeFor(cls.memberCodec, key, key));
      group.positions.push(position);
    });
    const codec = this.valueCodec;
    return this.batch(() => {
      const parts = [...groups].map(([redisKey, group]) => {
        const where = () => `key ${redisKey} (mget)`;
        const values = this.send('hmget', [redisKey, ...group.members], (reply) => decodeNullableList(codec, reply, where), codec.binary);
        return { values, positions: group.positions };
      });
      return derive(parts.map((part) => part.values), () => {
        const out = new Array<V | null>(keys.length);
        for (const part of parts) part.positions.forEach((position, i) => (out[position] = part.values.result[i]));
        return out;
      }, 'MGET');
    });
  }

  /** Refused: EXPIRE would act on the whole shard (use `shardHash(shard)`). */
  override expire(): never { return this.shared('expire'); }
  /** Refused: PEXPIRE would act on the whole shard. */
  override pexpire(): never { return this.shared('pexpire'); }
  /** Refused: EXPIREAT would act on the whole shard. */
  override expireat(): never { return this.shared('expireat'); }
  /** Refused: PEXPIREAT would act on the whole shard. */
  override pexpireat(): never { return this.shared('pexpireat'); }
  /** Refused: logical keys have no time to live of their own. */
  override ttl(): never { return this.shared('ttl'); }
  /** Refused: logical keys have no time to live of their own. */
  override pttl(): never { return this.shared('pttl'); }
  /** Refused: PERSIST would act on the whole shard. */
  override persist(): never { return this.shared('persist'); }
  /** Refused: RENAME would move the whole shard. */
  override rename(): never { return this.shared('rename'); }
  /** Refused: RENAMENX would move the whole shard. */
  override renamenx(): never { return this.shared('renamenx'); }
  /** Refused: TYPE would describe the shard, not the logical key. */
  override type(): never { return this.shared('type'); }
  /** Refused: DUMP would serialize the whole shard. */
  override dump(): never { return this.shared('dump'); }
  /** Refused: RESTORE would replace the whole shard. */
  override restore(): never { return this.shared('restore'); }
  /** Refused: RESTORE would replace the whole shard. */
  override restorenx(): never { return this.shared('restorenx'); }
  /** Refused: OBJECT would describe the shard. */
  override object(): never { return this.shared('object'); }
  /** Refused: SORT would sort the shard. */
  override sort(): never { return this.shared('sort'); }
  /** Refused: SORT would sort the shard. */
  override sortStore(): never { return this.shared('sort'); }
  /** Refused: scripts would get the shard as KEYS[1] (use `shardHash(shard).eval`). */
  override eval(): never { return this.shared('eval'); }
  /** Refused: scripts would get the shard as KEYS[1] (use `shardHash(shard).evalsha`). */
  override evalsha(): never { return this.shared('evalsha'); }

  private shared(command: string): never {
    return this.refuse(command, `${JSON.stringify(this.id)} is one member of the shared shard hash ${this.key}; ` +
      `${command.toUpperCase()} would act on every logical key of the shard (use shardHash(${this.shard}) for shard-wide commands)`);
  }
}

function checkLogicalKey(cls: HashedStringClass, key: unknown): asserts key is string {
  const keyspace = cls.keyspace ?? cls.name;
  if (typeof key !== 'string') throw new InvalidIdError(keyspace, key, `logical keys are strings, got ${typeof key}`);
  if (key.length === 0) throw new InvalidIdError(keyspace, key, 'logical keys cannot be empty');
}

function checkShard(cls: HashedStringClass, shard: number): number {
  if (!Number.isSafeInteger(shard) || shard < 0 || shard >= cls.shardCount) {
    throw new InvalidIdError(cls.keyspace ?? cls.name, shard, `shards are integers from 0 to ${cls.shardCount - 1}`);
  }
  return shard;
}

function shardKey(cls: HashedStringClass, shard: number): string {
  return Keyspace.redisKey.call(cls, String(checkShard(cls, shard)));
}
