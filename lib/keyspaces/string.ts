import { encodeValue, type Codec } from '../codecs/codec.js';
import { Text } from '../codecs/text.js';
import type { Deferred } from '../pipeline/deferred.js';
import { Keyspace } from './keyspace.js';
import { checkOptions } from './options.js';
import { decodeNullable, decodeNullableList, decodeOne, toBoolean, toNumber, toScore } from './replies.js';
import {
  BITCOUNT_RANGE, BITPOS_RANGE, GETEX_OPTIONS, SET_OPTIONS,
  bitArg, bitcountArgs, bitopName, bitposArgs, getexArgs, integer, offsetArg, setArgs, ttlArg,
  type BitCountRange, type BitOperation, type BitPosRange, type GetExOptions, type Refuse, type StringSetOptions,
} from './string-options.js';
import { manyOf, type OneOrMany } from './value-keyspace.js';

export type { BitCountRange, BitOperation, BitPosRange, ExpiryOptions, GetExOptions, StringSetOptions } from './string-options.js';

/** Values of several records: ids to values, as a plain object or a Map. */
export type ValuesById<V> = Readonly<Record<string, V>> | ReadonlyMap<string, V>;

/** Largest SETRANGE offset Redis accepts (values are at most 512 MB). */
const MAX_RANGE_OFFSET = 512 * 1024 * 1024 - 1;

/**
 * Redis strings, one value per id at `prefix{id}`, written and read through `valueCodec`.
 *
 * @example
 * class Counters extends StringKeyspace<number> {
 *   static override keyspace = 'C';
 *   static override valueCodec = Integer;
 * }
 * const c = new Counters('page:1', pipe);
 * c.incr();            // Deferred<number>
 * c.get();             // Deferred<number | null>
 */
export class StringKeyspace<V = string> extends Keyspace {
  /** Codec of the stored values (`Text` unless a subclass says otherwise). */
  static valueCodec: Codec<unknown> = Text;

  /** The codec of this class's values. */
  protected get valueCodec(): Codec<V> {
    return (this.constructor as typeof StringKeyspace).valueCodec as Codec<V>;
  }

  /** The value, or null when the key is missing. */
  get(): Deferred<V | null> {
    const codec = this.valueCodec;
    return this.send('get', [this.key], (reply) => decodeNullable(codec, reply, this.whereOf()), codec.binary);
  }

  /** Sets the value; with `get: true` resolves to the old value, else to whether it was written (nx/xx). */
  set(value: V, options: StringSetOptions & { get: true }): Deferred<V | null>;
  set(value: V, options?: StringSetOptions): Deferred<boolean>;
  set(value: V, options: StringSetOptions = {}): Deferred<boolean> | Deferred<V | null> {
    checkOptions('set', this.key, options, SET_OPTIONS);
    const flags = setArgs(this.refuser, options);
    const codec = this.valueCodec;
    const args = [this.key, this.encodeFor(codec, value), ...flags];
    if (options.get) {
      return this.send('set', args, (reply) => decodeNullable(codec, reply, this.whereOf()), codec.binary);
    }
    return this.send('set', args, toBoolean);
  }

  /** Sets the value only when the key is missing; true when written. */
  setnx(value: V): Deferred<boolean> {
    return this.send('setnx', [this.key, this.encodeFor(this.valueCodec, value)], toBoolean);
  }

  /** Sets the value with a time to live in seconds. */
  setex(value: V, seconds: number): Deferred<void> {
    const ttl = ttlArg(this.refuser, 'setex', seconds);
    return this.send<void>('setex', [this.key, ttl, this.encodeFor(this.valueCodec, value)], () => undefined);
  }

  /** Sets the value with a time to live in milliseconds. */
  psetex(value: V, milliseconds: number): Deferred<void> {
    const ttl = ttlArg(this.refuser, 'psetex', milliseconds);
    return this.send<void>('psetex', [this.key, ttl, this.encodeFor(this.valueCodec, value)], () => undefined);
  }

  /** Appends the encoded value; resolves to the new length in bytes. */
  append(value: V): Deferred<number> {
    return this.send('append', [this.key, this.encodeFor(this.valueCodec, value)], toNumber);
  }

  /** Length of the stored value in bytes (0 when missing). */
  strlen(): Deferred<number> {
    return this.send('strlen', [this.key], toNumber);
  }

  /** Bytes `start`…`end` (inclusive, negative from the end) of the value, decoded with the value codec. */
  getrange(start: number, end: number): Deferred<V> {
    const codec = this.valueCodec;
    const args = [this.key, integer(this.refuser, 'getrange', 'start', start), integer(this.refuser, 'getrange', 'end', end)];
    return this.send('getrange', args, (reply) => decodeOne(codec, reply as string | Buffer, this.whereOf()), codec.binary);
  }

  /** redpipe's name for {@link getrange}; `end` defaults to the last byte. */
  substr(start: number, end = -1): Deferred<V> {
    return this.getrange(start, end);
  }

  /** Overwrites bytes from `offset` with the encoded value; resolves to the new length. */
  setrange(offset: number, value: V): Deferred<number> {
    integer(this.refuser, 'setrange', 'offset', offset);
    if (offset < 0 || offset > MAX_RANGE_OFFSET) this.refuse('setrange', `offset must be from 0 to ${MAX_RANGE_OFFSET}, got ${offset}`);
    return this.send('setrange', [this.key, offset, this.encodeFor(this.valueCodec, value)], toNumber);
  }

  /** Sets the bit at `offset` to 0 or 1; resolves to the bit it had. */
  setbit(offset: number, bit: 0 | 1): Deferred<0 | 1> {
    const args = [this.key, offsetArg(this.refuser, 'setbit', offset), bitArg(this.refuser, 'setbit', bit)];
    return this.send('setbit', args, toBit);
  }

  /** The bit at `offset` (0 beyond the end or when missing). */
  getbit(offset: number): Deferred<0 | 1> {
    return this.send('getbit', [this.key, offsetArg(this.refuser, 'getbit', offset)], toBit);
  }

  /** Number of set bits, in the whole value or in a byte (or bit) range. */
  bitcount(range?: BitCountRange): Deferred<number> {
    checkOptions('bitcount', this.key, range, BITCOUNT_RANGE);
    return this.send('bitcount', [this.key, ...bitcountArgs(this.refuser, range)], toNumber);
  }

  /** Position of the first bit set to `bit`, optionally within a range; -1 when none. */
  bitpos(bit: 0 | 1, range?: BitPosRange): Deferred<number> {
    checkOptions('bitpos', this.key, range, BITPOS_RANGE);
    return this.send('bitpos', [this.key, ...bitposArgs(this.refuser, bit, range)], toNumber);
  }

  /** Stores the AND/OR/XOR/NOT of the records `sourceIds` (this one only if listed) here; resolves to the length. */
  bitop(operation: BitOperation, sourceIds: OneOrMany<string>): Deferred<number> {
    const keys = manyOf(sourceIds).map((id) => this.otherKey(id));
    const name = bitopName(this.refuser, operation, keys.length);
    return this.send('bitop', [name, this.key, ...keys], toNumber);
  }

  /** Adds 1 to the integer value; resolves to the new value. */
  incr(): Deferred<number> {
    return this.send('incr', [this.key], toNumber);
  }

  /** Adds `amount` (an integer) to the value; resolves to the new value. */
  incrby(amount: number): Deferred<number> {
    return this.send('incrby', [this.key, integer(this.refuser, 'incrby', 'amount', amount)], toNumber);
  }

  /** Adds a float `amount` to the value; resolves to the new value. */
  incrbyfloat(amount: number): Deferred<number> {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      this.refuse('incrbyfloat', `amount must be a finite number, got ${String(amount)}`);
    }
    return this.send('incrbyfloat', [this.key, String(amount)], toScore);
  }

  /** Subtracts 1 from the integer value; resolves to the new value. */
  decr(): Deferred<number> {
    return this.send('decr', [this.key], toNumber);
  }

  /** Subtracts `amount` (an integer) from the value; resolves to the new value. */
  decrby(amount: number): Deferred<number> {
    return this.send('decrby', [this.key, integer(this.refuser, 'decrby', 'amount', amount)], toNumber);
  }

  /** Removes the key and resolves to the value it had (null when missing). */
  getdel(): Deferred<V | null> {
    const codec = this.valueCodec;
    return this.send('getdel', [this.key], (reply) => decodeNullable(codec, reply, this.whereOf()), codec.binary);
  }

  /** The value, changing the expiry (ex/px/exat/pxat) or removing it (persist) at the same time. */
  getex(options: GetExOptions = {}): Deferred<V | null> {
    checkOptions('getex', this.key, options, GETEX_OPTIONS);
    const codec = this.valueCodec;
    const args = [this.key, ...getexArgs(this.refuser, options)];
    return this.send('getex', args, (reply) => decodeNullable(codec, reply, this.whereOf()), codec.binary);
  }

  /** Sets a new value and resolves to the old one (null when missing). */
  getset(value: V): Deferred<V | null> {
    const codec = this.valueCodec;
    const args = [this.key, this.encodeFor(codec, value)];
    return this.send('getset', args, (reply) => decodeNullable(codec, reply, this.whereOf()), codec.binary);
  }

  /** Values of this record and of `otherIds`, in that order; null for missing ones. */
  mget(otherIds: OneOrMany<string> = []): Deferred<(V | null)[]> {
    const codec = this.valueCodec;
    const keys = [this.key, ...manyOf(otherIds).map((id) => this.otherKey(id))];
    return this.send('mget', keys, (reply) => decodeNullableList(codec, reply, () => `one of keys ${keys.join(', ')}`), codec.binary);
  }

  /** Sets several records of this keyspace (ids to values; this record only if listed), on its connection. */
  mset(values: ValuesById<V>): Deferred<void> {
    return this.send<void>('mset', this.pairs('mset', values), () => undefined);
  }

  /** Sets several records only if none of them exists; true when written. */
  msetnx(values: ValuesById<V>): Deferred<boolean> {
    return this.send('msetnx', this.pairs('msetnx', values), toBoolean);
  }

  /** `refuse` bound to this instance, for the option helpers. */
  private get refuser(): Refuse {
    return (command, reason) => this.refuse(command, reason);
  }

  /** Flat `key value key value…` arguments of MSET, every id and value checked first. */
  private pairs(command: string, values: ValuesById<V>): (string | Buffer)[] {
    const entries: [string, V][] = values instanceof Map ? [...(values as ReadonlyMap<string, V>)] : Object.entries(values);
    if (entries.length === 0) this.refuse(command, 'no values given');
    const codec = this.valueCodec;
    const args: (string | Buffer)[] = [];
    for (const [id, value] of entries) {
      const key = this.otherKey(id);
      args.push(key, encodeValue(codec, value, `key ${key}`));
    }
    return args;
  }
}

/** Reads a bit reply. */
function toBit(reply: unknown): 0 | 1 {
  return toNumber(reply) === 1 ? 1 : 0;
}
