import { Text } from '../codecs/text.js';
import type { Codec } from '../codecs/codec.js';
import type { Deferred } from '../pipeline/deferred.js';
import type { ReplyDecoder } from '../pipeline/queued-command.js';
import { Keyspace } from './keyspace.js';
import { decodeList, decodeNullable } from './replies.js';

/** One value, or several in an array (an array always means several values). */
export type OneOrMany<T> = T | readonly T[];

/** The values of `value`: an array as is, anything else as a one-item list. */
export function manyOf<T>(value: OneOrMany<T>): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * The shared base of keyspaces whose records hold a collection of values of one codec (sets, lists):
 * `static valueCodec` encodes what is written and decodes what is read.
 *
 * An array argument is always read as several values, so with an array-valued codec (List,
 * StringList) wrap a single value: `sadd([[1, 'a']])`.
 */
export abstract class ValueKeyspace<V> extends Keyspace {
  /** Codec of the stored values (set members, list elements). */
  static valueCodec: Codec<unknown> = Text;

  /** The class's value codec. */
  protected get valueCodec(): Codec<V> {
    return (this.constructor as unknown as { valueCodec: Codec<V> }).valueCodec;
  }

  /** Encodes one value, refusing a bad one before anything is queued. */
  protected encodeOne(value: V): string | Buffer {
    return this.encodeFor(this.valueCodec, value);
  }

  /** Encodes one value or an array of them (at least one); all are checked before anything is queued. */
  protected encodeMany(command: string, values: OneOrMany<V>): (string | Buffer)[] {
    const list = manyOf(values);
    if (list.length === 0) this.refuse(command, 'no values given');
    return list.map((value) => this.encodeOne(value));
  }

  /** The keys of other ids of this keyspace (each checked); `atLeastOne` refuses an empty list. */
  protected otherKeys(command: string, ids: OneOrMany<string>, atLeastOne: boolean): string[] {
    const list = manyOf(ids);
    if (atLeastOne && list.length === 0) this.refuse(command, 'no ids given');
    return list.map((id) => this.otherKey(id));
  }

  /** Checks a count or length argument: an integer, at least `min`. */
  protected atLeast(command: string, value: number, min: number, what = 'count'): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.refuse(command, `${what} must be an integer >= ${min}, got ${String(value)}`);
    }
    return value;
  }

  /** Checks a blocking timeout in seconds: finite and not negative (0 blocks until a value arrives). */
  protected timeout(command: string, seconds: number): number {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      this.refuse(command, `timeout must be a number of seconds >= 0, got ${String(seconds)}`);
    }
    return seconds;
  }

  /** Queues a command whose reply holds values (Buffer replies when the codec is binary). */
  protected sendValues<R>(name: string, args: unknown[], decode: ReplyDecoder<R>): Deferred<R> {
    return this.send(name, args, decode, this.valueCodec.binary === true);
  }

  /** Decoder of one value, `null` when missing. */
  protected oneValue(): ReplyDecoder<V | null> {
    const codec = this.valueCodec;
    const where = this.whereOf();
    return (reply) => decodeNullable(codec, reply, where);
  }

  /** Decoder of an array of values (a missing array reads as empty). */
  protected valueList(): ReplyDecoder<V[]> {
    const codec = this.valueCodec;
    const where = this.whereOf();
    return (reply) => (reply === null ? [] : decodeList(codec, reply, where));
  }
}
