import type { Deferred } from '../pipeline/deferred.js';
import type { RedisClient } from '../pipeline/connections.js';
import type { Codec } from '../codecs/codec.js';
import { checkOptions, optionNames } from './options.js';
import { decodeOne, toBoolean, toNumber } from './replies.js';
import { SCAN_OPTIONS, scanPages, type ScanOptions } from './scan.js';
import { ValueKeyspace, type OneOrMany } from './value-keyspace.js';

/** Options of SINTERCARD. */
export interface SintercardOptions {
  /** Stop counting at this many members (0: no limit). */
  limit?: number;
}
/** Every option of SintercardOptions, for checkOptions. */
const SINTERCARD_OPTIONS = optionNames<SintercardOptions>()(['limit']);

/**
 * A Redis set per id, members encoded with `static valueCodec` (Text by default).
 * Multi-key commands take the other ids of this keyspace, never raw keys. Members come back as
 * plain arrays (Redis's order, which is arbitrary), never as JavaScript `Set`s.
 *
 * The `…store` commands store into THIS record's key, from the sources named by id (as redpipe's
 * `sdiffstore(dest, keys)` does with `dest` = this record); this record is a source only if its id is
 * listed.
 *
 * @example
 * class Tags extends SetKeyspace { static override keyspace = 'T'; }
 * const tags = new Tags('post1', pipe);
 * tags.sadd(['redis', 'ts']);
 * const common = tags.sinter('post2'); // Deferred<string[]>
 */
export class SetKeyspace<V = string> extends ValueKeyspace<V> {
  /** Adds one member or several; resolves to how many were new. */
  sadd(members: OneOrMany<V>): Deferred<number> {
    return this.send('sadd', [this.key, ...this.encodeMany('sadd', members)], toNumber);
  }

  /** Removes one member or several; resolves to how many were there. */
  srem(members: OneOrMany<V>): Deferred<number> {
    return this.send('srem', [this.key, ...this.encodeMany('srem', members)], toNumber);
  }

  /** Removes and returns a random member (null when the set is empty). */
  spop(): Deferred<V | null>;
  /** Removes and returns up to `count` random members. */
  spop(count: number): Deferred<V[]>;
  spop(count?: number): Deferred<V | null> | Deferred<V[]> {
    if (count === undefined) return this.sendValues('spop', [this.key], this.oneValue());
    return this.sendValues('spop', [this.key, this.atLeast('spop', count, 0)], this.valueList());
  }

  /** Every member, as a plain array. */
  smembers(): Deferred<V[]> {
    return this.sendValues('smembers', [this.key], this.valueList());
  }

  /** The number of members (0 when the key is missing). */
  scard(): Deferred<number> {
    return this.send('scard', [this.key], toNumber);
  }

  /** Whether `member` is in the set. */
  sismember(member: V): Deferred<boolean> {
    return this.send('sismember', [this.key, this.encodeOne(member)], toBoolean);
  }

  /** Whether each of the members is in the set, in the order given. */
  smismember(members: OneOrMany<V>): Deferred<boolean[]> {
    return this.send('smismember', [this.key, ...this.encodeMany('smismember', members)], (reply) =>
      (reply as unknown[]).map(toBoolean));
  }

  /** A random member, not removed (null when the set is empty). */
  srandmember(): Deferred<V | null>;
  /** `count` > 0: up to `count` distinct members; `count` < 0: exactly -`count`, repeats allowed. */
  srandmember(count: number): Deferred<V[]>;
  srandmember(count?: number): Deferred<V | null> | Deferred<V[]> {
    if (count === undefined) return this.sendValues('srandmember', [this.key], this.oneValue());
    return this.sendValues('srandmember', [this.key, this.whole('srandmember', count)], this.valueList());
  }

  /** Moves `member` into the set of another id; true when it was here and moved. */
  smove(destinationId: string, member: V): Deferred<boolean> {
    const destination = this.otherKey(destinationId);
    return this.send('smove', [this.key, destination, this.encodeOne(member)], toBoolean);
  }

  /** Members of this set that are in none of the other ids' sets. */
  sdiff(otherIds: OneOrMany<string>): Deferred<V[]> {
    return this.sendValues('sdiff', [this.key, ...this.otherKeys('sdiff', otherIds, false)], this.valueList());
  }

  /** Members of this set that are in every other id's set. */
  sinter(otherIds: OneOrMany<string>): Deferred<V[]> {
    return this.sendValues('sinter', [this.key, ...this.otherKeys('sinter', otherIds, false)], this.valueList());
  }

  /** Members of this set or of any other id's set. */
  sunion(otherIds: OneOrMany<string>): Deferred<V[]> {
    return this.sendValues('sunion', [this.key, ...this.otherKeys('sunion', otherIds, false)], this.valueList());
  }

  /** Stores into this key the first source id's set minus the others'; resolves to the size stored. */
  sdiffstore(sourceIds: OneOrMany<string>): Deferred<number> {
    return this.send('sdiffstore', [this.key, ...this.otherKeys('sdiffstore', sourceIds, true)], toNumber);
  }

  /** Stores into this key the intersection of the source ids' sets; resolves to the size stored. */
  sinterstore(sourceIds: OneOrMany<string>): Deferred<number> {
    return this.send('sinterstore', [this.key, ...this.otherKeys('sinterstore', sourceIds, true)], toNumber);
  }

  /** Stores into this key the union of the source ids' sets; resolves to the size stored. */
  sunionstore(sourceIds: OneOrMany<string>): Deferred<number> {
    return this.send('sunionstore', [this.key, ...this.otherKeys('sunionstore', sourceIds, true)], toNumber);
  }

  /** The size of the intersection of this set and the other ids' sets, counting up to `limit`. */
  sintercard(otherIds: OneOrMany<string>, options: SintercardOptions = {}): Deferred<number> {
    checkOptions('sintercard', this.key, options, SINTERCARD_OPTIONS);
    const keys = [this.key, ...this.otherKeys('sintercard', otherIds, false)];
    const args: unknown[] = [keys.length, ...keys];
    if (options.limit !== undefined) args.push('LIMIT', this.atLeast('sintercard', options.limit, 0, 'limit'));
    return this.send('sintercard', args, toNumber);
  }

  /**
   * Every member (`for await`), paged with SSCAN; `match` is a Redis glob on the stored (encoded)
   * members. Refused on a pipelined instance. As with SSCAN, a member may come twice if the set
   * changes during the scan.
   */
  sscan(options: ScanOptions = {}): AsyncGenerator<V> {
    checkOptions('sscan', this.key, options, SCAN_OPTIONS);
    const client = this.scanClient('sscan');
    const { match, count } = options;
    if (match !== undefined && typeof match !== 'string') this.refuse('sscan', 'match must be a string (a Redis glob)');
    if (count !== undefined) this.atLeast('sscan', count, 1);
    return this.scanMembers(client, this.valueCodec, match, count);
  }

  private async *scanMembers(
    client: RedisClient,
    codec: Codec<V>,
    match: string | undefined,
    count: number | undefined,
  ): AsyncGenerator<V> {
    const where = this.whereOf();
    for await (const page of scanPages(client, 'sscan', this.key, match, count, codec.binary === true)) {
      for (const raw of page) yield decodeOne(codec, raw, where);
    }
  }
}
