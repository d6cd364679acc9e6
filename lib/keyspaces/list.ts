import { DecodeError } from '../codecs/errors.js';
import { connectionFor, keyPrefixOf, stripKeyPrefix } from '../pipeline/connections.js';
import type { Deferred } from '../pipeline/deferred.js';
import type { ReplyDecoder } from '../pipeline/queued-command.js';
import type { Keyspace } from './keyspace.js';
import { checkOptions, optionNames } from './options.js';
import { decodeOne, toNumber } from './replies.js';
import { ValueKeyspace, type OneOrMany } from './value-keyspace.js';

/** An end of a list: `'left'` is the head (index 0), `'right'` the tail. */
export type ListEnd = 'left' | 'right';

/** Options of LPOS. */
export interface LposOptions {
  /** Which match to return: 1 the first, 2 the second…, -1 the last (never 0). */
  rank?: number;
  /** Compare at most this many elements (0: the whole list). */
  maxlen?: number;
}

/** Options of LPOS returning every match position (up to `count`; 0: all). */
export interface LposCountOptions extends LposOptions {
  count: number;
}
/** Every option of LPOS, for checkOptions. */
const LPOS_OPTIONS = optionNames<LposCountOptions>()(['rank', 'maxlen', 'count']);

/**
 * A Redis list per id, elements encoded with `static valueCodec` (Text by default). Commands that move
 * elements between lists (lmove, rpoplpush, blpop…) take the other ids of this keyspace.
 *
 * Blocking commands (blpop, brpop, blmove, brpoplpush) hold their connection while they wait, and
 * every command pipelined behind them waits too: give them short timeouts, or a connection of their own
 * (`static connection`). A timeout of 0 waits until a value arrives. Inside a transaction (MULTI) Redis
 * never blocks: an empty list answers null at once.
 *
 * @example
 * class Jobs extends ListKeyspace { static override keyspace = 'J'; }
 * new Jobs('queue', pipe).rpush(['a', 'b']);
 * const next = new Jobs('queue').blpop(1, 'urgent'); // Deferred<[id, job] | null>
 */
export class ListKeyspace<V = string> extends ValueKeyspace<V> {
  /** Pushes one value or several onto the head (each in turn); resolves to the new length. */
  lpush(values: OneOrMany<V>): Deferred<number> {
    return this.send('lpush', [this.key, ...this.encodeMany('lpush', values)], toNumber);
  }

  /** Pushes one value or several onto the tail; resolves to the new length. */
  rpush(values: OneOrMany<V>): Deferred<number> {
    return this.send('rpush', [this.key, ...this.encodeMany('rpush', values)], toNumber);
  }

  /** Pushes onto the head only if the list exists; resolves to the length (0: nothing pushed). */
  lpushx(values: OneOrMany<V>): Deferred<number> {
    return this.send('lpushx', [this.key, ...this.encodeMany('lpushx', values)], toNumber);
  }

  /** Pushes onto the tail only if the list exists; resolves to the length (0: nothing pushed). */
  rpushx(values: OneOrMany<V>): Deferred<number> {
    return this.send('rpushx', [this.key, ...this.encodeMany('rpushx', values)], toNumber);
  }

  /** Removes and returns the head (null when the list is empty). */
  lpop(): Deferred<V | null>;
  /** Removes and returns up to `count` values from the head ([] when the list is empty). */
  lpop(count: number): Deferred<V[]>;
  lpop(count?: number): Deferred<V | null> | Deferred<V[]> {
    return this.pop('lpop', count);
  }

  /** Removes and returns the tail (null when the list is empty). */
  rpop(): Deferred<V | null>;
  /** Removes and returns up to `count` values from the tail, tail first ([] when empty). */
  rpop(count: number): Deferred<V[]>;
  rpop(count?: number): Deferred<V | null> | Deferred<V[]> {
    return this.pop('rpop', count);
  }

  /** The values from `start` to `stop`, both included (negative: from the tail); all by default. */
  lrange(start = 0, stop = -1): Deferred<V[]> {
    return this.sendValues('lrange', [this.key, this.whole('lrange', start), this.whole('lrange', stop)], this.valueList());
  }

  /** The length (0 when the key is missing). */
  llen(): Deferred<number> {
    return this.send('llen', [this.key], toNumber);
  }

  /** The value at `index` (negative: from the tail), null when out of range. */
  lindex(index: number): Deferred<V | null> {
    return this.sendValues('lindex', [this.key, this.whole('lindex', index)], this.oneValue());
  }

  /** Replaces the value at `index`; fails (ERR) when the index is out of range or the key missing. */
  lset(index: number, value: V): Deferred<void> {
    return this.send<void>('lset', [this.key, this.whole('lset', index), this.encodeOne(value)], () => undefined);
  }

  /** Keeps only the values from `start` to `stop`, both included. */
  ltrim(start: number, stop: number): Deferred<void> {
    return this.send<void>('ltrim', [this.key, this.whole('ltrim', start), this.whole('ltrim', stop)], () => undefined);
  }

  /**
   * Removes occurrences of `value`: the first `count` from the head (> 0), from the tail (< 0), or all
   * (0); redpipe's default of 1. Resolves to how many were removed.
   */
  lrem(value: V, count = 1): Deferred<number> {
    return this.send('lrem', [this.key, this.whole('lrem', count), this.encodeOne(value)], toNumber);
  }

  /** Inserts `value` before or after the first `pivot`; the new length, -1 without pivot, 0 without key. */
  linsert(position: 'before' | 'after', pivot: V, value: V): Deferred<number> {
    if (position !== 'before' && position !== 'after') {
      this.refuse('linsert', `position must be 'before' or 'after', got ${String(position)}`);
    }
    const args = [this.key, position.toUpperCase(), this.encodeOne(pivot), this.encodeOne(value)];
    return this.send('linsert', args, toNumber);
  }

  /** The positions of every match of `value` (up to `count`; 0: all). */
  lpos(value: V, options: LposCountOptions): Deferred<number[]>;
  /** The index of the first match of `value` (or the `rank`-th), null when absent. */
  lpos(value: V, options?: LposOptions): Deferred<number | null>;
  lpos(value: V, options: LposOptions & { count?: number } = {}): Deferred<number[]> | Deferred<number | null> {
    checkOptions('lpos', this.key, options, LPOS_OPTIONS);
    const args: unknown[] = [this.key, this.encodeOne(value)];
    if (options.rank !== undefined) {
      if (options.rank === 0) this.refuse('lpos', 'rank cannot be 0 (1 is the first match, -1 the last)');
      args.push('RANK', this.whole('lpos', options.rank));
    }
    if (options.count !== undefined) args.push('COUNT', this.atLeast('lpos', options.count, 0));
    if (options.maxlen !== undefined) args.push('MAXLEN', this.atLeast('lpos', options.maxlen, 0, 'maxlen'));
    if (options.count !== undefined) {
      return this.send('lpos', args, (reply) => (reply === null ? [] : (reply as unknown[]).map(toNumber)));
    }
    return this.send('lpos', args, (reply) => (reply === null ? null : toNumber(reply)));
  }

  /** Pops from one end of this list and pushes onto an end of another id's list; the value, or null. */
  lmove(destinationId: string, from: ListEnd, to: ListEnd): Deferred<V | null> {
    const args = [this.key, this.otherKey(destinationId), this.end('lmove', from), this.end('lmove', to)];
    return this.sendValues('lmove', args, this.oneValue());
  }

  /** lmove, waiting up to `timeout` seconds for a value; null on timeout. */
  blmove(destinationId: string, from: ListEnd, to: ListEnd, timeout: number): Deferred<V | null> {
    const args = [
      this.key, this.otherKey(destinationId), this.end('blmove', from), this.end('blmove', to), this.timeout('blmove', timeout),
    ];
    return this.sendValues('blmove', args, this.oneValue());
  }

  /** Pops the tail and pushes it onto the head of another id's list; the value, or null. */
  rpoplpush(destinationId: string): Deferred<V | null> {
    return this.sendValues('rpoplpush', [this.key, this.otherKey(destinationId)], this.oneValue());
  }

  /** rpoplpush, waiting up to `timeout` seconds for a value; null on timeout. */
  brpoplpush(destinationId: string, timeout: number): Deferred<V | null> {
    const args = [this.key, this.otherKey(destinationId), this.timeout('brpoplpush', timeout)];
    return this.sendValues('brpoplpush', args, this.oneValue());
  }

  /**
   * Pops the head of the first non-empty list among this one and the other ids', waiting up to `timeout`
   * seconds; `[id, value]` (the id read back from the key), or null on timeout.
   */
  blpop(timeout: number, otherIds: OneOrMany<string> = []): Deferred<[string, V] | null> {
    return this.blockingPop('blpop', timeout, otherIds);
  }

  /** Like blpop, popping the tail. */
  brpop(timeout: number, otherIds: OneOrMany<string> = []): Deferred<[string, V] | null> {
    return this.blockingPop('brpop', timeout, otherIds);
  }

  private pop(command: 'lpop' | 'rpop', count: number | undefined): Deferred<V | null> | Deferred<V[]> {
    if (count === undefined) return this.sendValues(command, [this.key], this.oneValue());
    return this.sendValues(command, [this.key, this.atLeast(command, count, 0)], this.valueList());
  }

  private end(command: string, end: ListEnd): 'LEFT' | 'RIGHT' {
    if (end !== 'left' && end !== 'right') this.refuse(command, `expected 'left' or 'right', got ${String(end)}`);
    return end === 'left' ? 'LEFT' : 'RIGHT';
  }

  private blockingPop(command: 'blpop' | 'brpop', timeout: number, otherIds: OneOrMany<string>): Deferred<[string, V] | null> {
    const keys = [this.key, ...this.otherKeys(command, otherIds, false)];
    return this.sendValues(command, [...keys, this.timeout(command, timeout)], this.popped(command));
  }

  /**
   * Decodes BLPOP/BRPOP's `[key, value]`, reading the id back with this class's key template (after
   * removing the ioredis `keyPrefix` of the connection's client, which the key in the reply carries).
   */
  private popped(command: string): ReplyDecoder<[string, V] | null> {
    const cls = this.constructor as unknown as typeof Keyspace;
    const { keyCodec } = this.statics;
    const codec = this.valueCodec;
    const connection = this.connection;
    return (reply) => {
      if (reply === null) return null;
      const [prefixedKey, rawValue] = reply as [string | Buffer, string | Buffer];
      const rawKey = stripKeyPrefix(keyPrefixOf(connectionFor(connection)), prefixedKey);
      const key = rawKey === undefined ? undefined : decodeOne(keyCodec, rawKey, () => `the key ${command.toUpperCase()} popped from`);
      const id = key === undefined ? undefined : cls.idFromKey(key);
      if (id === undefined) {
        throw new DecodeError({ codec: 'key', raw: key ?? prefixedKey, reason: `not a key of keyspace ${String(cls.keyspace)}` });
      }
      return [id, decodeOne(codec, rawValue, () => `key ${key}`)];
    };
  }
}
