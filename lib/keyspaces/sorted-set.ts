import type { Deferred } from '../pipeline/deferred.js';
import { checkOptions } from './options.js';
import { decodeNullable, decodeOne, toNumber, toScore, toScoreOrNull } from './replies.js';
import { SCAN_OPTIONS, scanPages, type ScanOptions } from './scan.js';
import {
  COMBINE_OPTIONS, COMBINE_READ_OPTIONS, LEX_RANGE_OPTIONS, RANGE_STORE_OPTIONS, SCORE_RANGE_OPTIONS, WITH_SCORES_OPTIONS,
  limitArgs, scoreArg, scoreBoundArg, zaddEntries, zaddFlags,
  type CombineOptions, type CombineReadOptions, type LexBound, type LexRangeOptions, type RangeLimit, type RangeStoreOptions,
  type ScoreBound, type ScoreRangeOptions, type WithScores, type ZAddMembers, type ZAddOptions,
} from './sorted-set-args.js';
import { SortedSetBase } from './sorted-set-base.js';
import type { OneOrMany } from './value-keyspace.js';

/**
 * A sorted set per id: members are values of type `V` (through `valueCodec`), scores are numbers
 * (`inf` / `-inf` read as ±Infinity).
 *
 * @example
 * class Followers extends SortedSetKeyspace { static override keyspace = 'F'; }
 * const pipe = pipeline();
 * new Followers('1', pipe).zadd('a', 1);
 * const members = new Followers('1', pipe).zrange(0, -1);
 * await pipe.execute();
 * members.result; // ['a']
 */
export class SortedSetKeyspace<V = string> extends SortedSetBase<V> {
  /** Adds one member with its score; resolves to the number added (changed, with `ch`). */
  zadd(member: V, score: number, options?: ZAddOptions & { incr?: false }): Deferred<number>;
  /** ZADD INCR: adds `score` to the member's; resolves to the new score, or null when a condition aborted it. */
  zadd(member: V, score: number, options: ZAddOptions & { incr: true }): Deferred<number | null>;
  /** Adds several members (a Map, `[member, score]` pairs, or an object of text members). */
  zadd(members: ZAddMembers<V>, options?: ZAddOptions & { incr?: false }): Deferred<number>;
  /** ZADD INCR of a single-member map: the new score, or null when aborted. */
  zadd(members: ZAddMembers<V>, options: ZAddOptions & { incr: true }): Deferred<number | null>;
  zadd(member: V, score: number, options?: ZAddOptions): Deferred<number | null>;
  zadd(members: ZAddMembers<V>, options?: ZAddOptions): Deferred<number | null>;
  zadd(first: V | ZAddMembers<V>, second?: number | ZAddOptions, third?: ZAddOptions): Deferred<number | null> {
    const codec = this.valueCodec;
    const key = this.key;
    if (typeof second === 'number' && third === undefined && second === second) {
      // The common case: one member, no options.
      const score = second === Infinity ? 'inf' : second === -Infinity ? '-inf' : second;
      return this.send('zadd', [key, score, this.encodeFor(codec, first as V)], toNumber);
    }
    const fail = this.refuser('zadd');
    let entries: [V, unknown][];
    let options: ZAddOptions;
    if (typeof second === 'number') {
      entries = [[first as V, second]];
      options = this.optionsOf('zadd', third);
    } else {
      if (third !== undefined) fail('a map of members takes its options second');
      if (second !== undefined && (typeof second !== 'object' || second === null)) {
        fail(`score must be a number, got ${typeof second}`);
      }
      entries = zaddEntries(first as ZAddMembers<V>, fail);
      if (entries.length === 0) fail('no members to add');
      options = this.optionsOf('zadd', second);
    }
    const flags = zaddFlags(options, entries.length, fail);
    const args = new Array<unknown>(1 + flags.length + 2 * entries.length);
    let at = 0;
    args[at++] = key;
    for (const flag of flags) args[at++] = flag;
    for (const entry of entries) {
      args[at++] = scoreArg(entry[1], fail);
      args[at++] = this.encodeFor(codec, entry[0]);
    }
    return options.incr ? this.send('zadd', args, toScoreOrNull) : this.send('zadd', args, toNumber);
  }

  /** Removes members; resolves to the number removed. */
  zrem(members: OneOrMany<V>): Deferred<number> {
    return this.send('zrem', [this.key, ...this.encodeMany('zrem', members)], toNumber);
  }

  /** Adds `increment` to a member's score (creating it); resolves to the new score. */
  zincrby(member: V, increment = 1): Deferred<number> {
    const score = scoreArg(increment, this.refuser('zincrby'), 'increment');
    return this.send('zincrby', [this.key, score, this.encodeOne(member)], toScore);
  }

  /** The member's score, or null when it is not in the set. */
  zscore(member: V): Deferred<number | null> {
    return this.send('zscore', [this.key, this.encodeOne(member)], toScoreOrNull);
  }

  /** The scores of several members (null for each one missing), in order. */
  zmscore(members: OneOrMany<V>): Deferred<(number | null)[]> {
    return this.send('zmscore', [this.key, ...this.encodeMany('zmscore', members)], (reply) =>
      (reply as unknown[]).map(toScoreOrNull));
  }

  /** The member's rank by ascending score (0 first), or null when it is missing. */
  zrank(member: V): Deferred<number | null> {
    return this.send('zrank', [this.key, this.encodeOne(member)], nullableNumber);
  }

  /** The member's rank by descending score, or null when it is missing. */
  zrevrank(member: V): Deferred<number | null> {
    return this.send('zrevrank', [this.key, this.encodeOne(member)], nullableNumber);
  }

  /** Members ranked `start` to `stop` (inclusive; negative from the end), lowest score first. */
  zrange(start: number, stop: number, options?: { withScores?: false }): Deferred<V[]>;
  /** Members ranked `start` to `stop` with their scores. */
  zrange(start: number, stop: number, options: { withScores: true }): Deferred<[V, number][]>;
  zrange(start: number, stop: number, options?: WithScores): Deferred<V[] | [V, number][]>;
  zrange(start: number, stop: number, options?: WithScores): Deferred<V[] | [V, number][]> {
    checkOptions('zrange', this.key, options, WITH_SCORES_OPTIONS);
    return this.rankRange('zrange', start, stop, options);
  }

  /** Members ranked `start` to `stop`, highest score first. */
  zrevrange(start: number, stop: number, options?: { withScores?: false }): Deferred<V[]>;
  /** Members ranked `start` to `stop`, highest score first, with their scores. */
  zrevrange(start: number, stop: number, options: { withScores: true }): Deferred<[V, number][]>;
  zrevrange(start: number, stop: number, options?: WithScores): Deferred<V[] | [V, number][]>;
  zrevrange(start: number, stop: number, options?: WithScores): Deferred<V[] | [V, number][]> {
    checkOptions('zrevrange', this.key, options, WITH_SCORES_OPTIONS);
    return this.rankRange('zrevrange', start, stop, options);
  }

  /** Members with `min <= score <= max` (bounds like `'(1'`, `'-inf'`), lowest first; `limit` pages. */
  zrangebyscore(min: ScoreBound, max: ScoreBound, options?: ScoreRangeOptions & { withScores?: false }): Deferred<V[]>;
  /** Members in a score range with their scores. */
  zrangebyscore(min: ScoreBound, max: ScoreBound, options: ScoreRangeOptions & { withScores: true }): Deferred<[V, number][]>;
  zrangebyscore(min: ScoreBound, max: ScoreBound, options?: ScoreRangeOptions): Deferred<V[] | [V, number][]>;
  zrangebyscore(min: ScoreBound, max: ScoreBound, options?: ScoreRangeOptions): Deferred<V[] | [V, number][]> {
    checkOptions('zrangebyscore', this.key, options, SCORE_RANGE_OPTIONS);
    return this.scoreRange('zrangebyscore', min, max, options);
  }

  /** Members with `max >= score >= min` (higher bound first, as in Redis), highest first. */
  zrevrangebyscore(max: ScoreBound, min: ScoreBound, options?: ScoreRangeOptions & { withScores?: false }): Deferred<V[]>;
  /** Members in a score range, highest first, with their scores. */
  zrevrangebyscore(max: ScoreBound, min: ScoreBound, options: ScoreRangeOptions & { withScores: true }): Deferred<[V, number][]>;
  zrevrangebyscore(max: ScoreBound, min: ScoreBound, options?: ScoreRangeOptions): Deferred<V[] | [V, number][]>;
  zrevrangebyscore(max: ScoreBound, min: ScoreBound, options?: ScoreRangeOptions): Deferred<V[] | [V, number][]> {
    checkOptions('zrevrangebyscore', this.key, options, SCORE_RANGE_OPTIONS);
    return this.scoreRange('zrevrangebyscore', max, min, options);
  }

  /** The number of members. */
  zcard(): Deferred<number> {
    return this.send('zcard', [this.key], toNumber);
  }

  /** The number of members with a score in `[min, max]`. */
  zcount(min: ScoreBound, max: ScoreBound): Deferred<number> {
    const fail = this.refuser('zcount');
    return this.send('zcount', [this.key, scoreBoundArg(min, fail), scoreBoundArg(max, fail)], toNumber);
  }

  /** The number of members between two lex bounds (members of equal score). */
  zlexcount(min: LexBound<V>, max: LexBound<V>): Deferred<number> {
    return this.send('zlexcount', [this.key, ...this.lexBounds('zlexcount', min, max)], toNumber);
  }

  /** Members between two lex bounds, in lexical order; `limit` pages. */
  zrangebylex(min: LexBound<V>, max: LexBound<V>, options: LexRangeOptions = {}): Deferred<V[]> {
    checkOptions('zrangebylex', this.key, options, LEX_RANGE_OPTIONS);
    return this.lexRange('zrangebylex', min, max, options);
  }

  /** Members between two lex bounds (higher bound first, as in Redis), in reverse lexical order. */
  zrevrangebylex(max: LexBound<V>, min: LexBound<V>, options: LexRangeOptions = {}): Deferred<V[]> {
    checkOptions('zrevrangebylex', this.key, options, LEX_RANGE_OPTIONS);
    return this.lexRange('zrevrangebylex', max, min, options);
  }

  /** Removes the members between two lex bounds; resolves to the number removed. */
  zremrangebylex(min: LexBound<V>, max: LexBound<V>): Deferred<number> {
    return this.send('zremrangebylex', [this.key, ...this.lexBounds('zremrangebylex', min, max)], toNumber);
  }

  /** Removes the members ranked `start` to `stop`; resolves to the number removed. */
  zremrangebyrank(start: number, stop: number): Deferred<number> {
    const args = [this.key, this.whole('zremrangebyrank', start), this.whole('zremrangebyrank', stop)];
    return this.send('zremrangebyrank', args, toNumber);
  }

  /** Removes the members with a score in `[min, max]`; resolves to the number removed. */
  zremrangebyscore(min: ScoreBound, max: ScoreBound): Deferred<number> {
    const fail = this.refuser('zremrangebyscore');
    return this.send('zremrangebyscore', [this.key, scoreBoundArg(min, fail), scoreBoundArg(max, fail)], toNumber);
  }

  /** Stores into this key the union of the sets of `ids`; resolves to the size of the result. */
  zunionstore(ids: OneOrMany<string>, options: CombineOptions = {}): Deferred<number> {
    checkOptions('zunionstore', this.key, options, COMBINE_OPTIONS);
    return this.store('zunionstore', ids, options);
  }

  /** Stores into this key the intersection of the sets of `ids`; resolves to the size of the result. */
  zinterstore(ids: OneOrMany<string>, options: CombineOptions = {}): Deferred<number> {
    checkOptions('zinterstore', this.key, options, COMBINE_OPTIONS);
    return this.store('zinterstore', ids, options);
  }

  /** Stores into this key the members of the first id's set missing from the others'; resolves to the size. */
  zdiffstore(ids: OneOrMany<string>): Deferred<number> {
    return this.store('zdiffstore', ids, {});
  }

  /** The union of this set and the sets of `ids` (weights: this key's first). */
  zunion(ids: OneOrMany<string>, options?: CombineOptions & { withScores?: false }): Deferred<V[]>;
  /** The union with scores. */
  zunion(ids: OneOrMany<string>, options: CombineOptions & { withScores: true }): Deferred<[V, number][]>;
  zunion(ids: OneOrMany<string>, options?: CombineReadOptions): Deferred<V[] | [V, number][]>;
  zunion(ids: OneOrMany<string>, options: CombineReadOptions = {}): Deferred<V[] | [V, number][]> {
    checkOptions('zunion', this.key, options, COMBINE_READ_OPTIONS);
    return this.combine('zunion', ids, options);
  }

  /** The intersection of this set and the sets of `ids` (weights: this key's first). */
  zinter(ids: OneOrMany<string>, options?: CombineOptions & { withScores?: false }): Deferred<V[]>;
  /** The intersection with scores. */
  zinter(ids: OneOrMany<string>, options: CombineOptions & { withScores: true }): Deferred<[V, number][]>;
  zinter(ids: OneOrMany<string>, options?: CombineReadOptions): Deferred<V[] | [V, number][]>;
  zinter(ids: OneOrMany<string>, options: CombineReadOptions = {}): Deferred<V[] | [V, number][]> {
    checkOptions('zinter', this.key, options, COMBINE_READ_OPTIONS);
    return this.combine('zinter', ids, options);
  }

  /** The members of this set that are in none of the sets of `ids`. */
  zdiff(ids: OneOrMany<string>, options?: { withScores?: false }): Deferred<V[]>;
  /** The difference with scores. */
  zdiff(ids: OneOrMany<string>, options: { withScores: true }): Deferred<[V, number][]>;
  zdiff(ids: OneOrMany<string>, options?: WithScores): Deferred<V[] | [V, number][]>;
  zdiff(ids: OneOrMany<string>, options: WithScores = {}): Deferred<V[] | [V, number][]> {
    checkOptions('zdiff', this.key, options, WITH_SCORES_OPTIONS);
    return this.combine('zdiff', ids, { withScores: options.withScores });
  }

  /** Stores a range of this set into another id (by rank, or `by: 'score'` / `'lex'`); resolves to its size. */
  zrangestore(destinationId: string, start: number, stop: number, options?: { by?: 'rank'; rev?: boolean }): Deferred<number>;
  /** ZRANGESTORE … BYSCORE. */
  zrangestore(destinationId: string, min: ScoreBound, max: ScoreBound, options: RangeStoreOptions & { by: 'score' }): Deferred<number>;
  /** ZRANGESTORE … BYLEX. */
  zrangestore(destinationId: string, min: LexBound<V>, max: LexBound<V>, options: RangeStoreOptions & { by: 'lex' }): Deferred<number>;
  zrangestore(
    destinationId: string, min: ScoreBound | LexBound<V>, max: ScoreBound | LexBound<V>, options: RangeStoreOptions = {},
  ): Deferred<number> {
    checkOptions('zrangestore', this.key, options, RANGE_STORE_OPTIONS);
    const fail = this.refuser('zrangestore');
    const args: unknown[] = [this.otherKey(destinationId), this.key];
    if (options.by === 'score') {
      args.push(scoreBoundArg(min, fail), scoreBoundArg(max, fail), 'BYSCORE');
    } else if (options.by === 'lex') {
      args.push(...this.lexBounds('zrangestore', min as LexBound<V>, max as LexBound<V>), 'BYLEX');
    } else if (options.by === undefined || options.by === 'rank') {
      args.push(this.whole('zrangestore', min as number), this.whole('zrangestore', max as number));
    } else {
      fail(`by must be 'rank', 'score' or 'lex', got ${String(options.by as unknown)}`);
    }
    if (options.rev) args.push('REV');
    const { limit } = options as { limit?: RangeLimit };
    if (options.by === 'score' || options.by === 'lex') args.push(...limitArgs(limit, fail));
    else if (limit !== undefined) fail("limit needs by: 'score' or 'lex'");
    return this.send('zrangestore', args, toNumber);
  }

  /** Removes and returns the member with the lowest score, or null when the set is empty. */
  zpopmin(): Deferred<[V, number] | null>;
  /** Removes and returns up to `count` members with the lowest scores. */
  zpopmin(count: number): Deferred<[V, number][]>;
  zpopmin(count?: number): Deferred<[V, number] | null> | Deferred<[V, number][]> {
    return this.pop('zpopmin', count);
  }

  /** Removes and returns the member with the highest score, or null when the set is empty. */
  zpopmax(): Deferred<[V, number] | null>;
  /** Removes and returns up to `count` members with the highest scores. */
  zpopmax(count: number): Deferred<[V, number][]>;
  zpopmax(count?: number): Deferred<[V, number] | null> | Deferred<[V, number][]> {
    return this.pop('zpopmax', count);
  }

  /**
   * Pops the lowest member of the first non-empty set among this one and `ids`', waiting up to `timeout`
   * seconds (0: until one arrives): `[id, member, score]`, or null on timeout. It holds its connection
   * while it waits (so does everything pipelined behind it): use short timeouts or a connection of its own.
   */
  bzpopmin(timeout: number, ids: OneOrMany<string> = []): Deferred<[string, V, number] | null> {
    return this.blockingPop('bzpopmin', timeout, ids);
  }

  /** Like bzpopmin, popping the highest member. */
  bzpopmax(timeout: number, ids: OneOrMany<string> = []): Deferred<[string, V, number] | null> {
    return this.blockingPop('bzpopmax', timeout, ids);
  }

  /** One random member, or null when the set is empty. */
  zrandmember(): Deferred<V | null>;
  /** `count` random members (distinct; a negative count allows repeats). */
  zrandmember(count: number, options?: { withScores?: false }): Deferred<V[]>;
  /** `count` random members with their scores. */
  zrandmember(count: number, options: { withScores: true }): Deferred<[V, number][]>;
  zrandmember(count: number, options?: WithScores): Deferred<V[] | [V, number][]>;
  zrandmember(count?: number, options: WithScores = {}): Deferred<V | null> | Deferred<V[] | [V, number][]> {
    checkOptions('zrandmember', this.key, options, WITH_SCORES_OPTIONS);
    const codec = this.valueCodec;
    const where = this.whereOf();
    if (count === undefined) {
      if (options.withScores) this.refuse('zrandmember', 'withScores needs a count');
      return this.send('zrandmember', [this.key], (reply) => decodeNullable(codec, reply, where), codec.binary);
    }
    const args: unknown[] = [this.key, this.whole('zrandmember', count)];
    return this.sendMembers('zrandmember', args, options.withScores);
  }

  /** Every `[member, score]` of the set (`for await`); `match` is a Redis glob on stored members. Never pipelined. */
  zscan(options: ScanOptions = {}): AsyncGenerator<[V, number]> {
    checkOptions('zscan', this.key, options, SCAN_OPTIONS);
    const client = this.scanClient('zscan');
    const count = options.count === undefined ? undefined : this.atLeast('zscan', options.count, 1);
    if (options.match !== undefined && typeof options.match !== 'string') this.refuse('zscan', 'match must be a string');
    return this.scanItems(scanPages(client, 'zscan', this.key, options.match, count, this.valueCodec.binary === true));
  }

  private async *scanItems(pages: AsyncGenerator<(string | Buffer)[]>): AsyncGenerator<[V, number]> {
    const codec = this.valueCodec;
    const where = this.whereOf();
    for await (const items of pages) {
      for (let i = 0; i < items.length; i += 2) yield [decodeOne(codec, items[i], where), toScore(items[i + 1])];
    }
  }
}

function nullableNumber(reply: unknown): number | null {
  return reply === null ? null : toNumber(reply);
}
