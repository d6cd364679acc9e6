// Arguments of the sorted-set commands: option types, score and lex bounds, ZADD flags and members.
// Everything here checks its input and refuses (through `fail`) before anything is queued.
import { optionNames } from './options.js';

/** Refuses an argument: throws InvalidArgumentError naming the command and key. */
export type Refuse = (reason: string) => never;

/**
 * A score bound of ZRANGEBYSCORE and friends: a number (±Infinity allowed), or Redis's text forms
 * `'(1.5'` (exclusive), `'-inf'`, `'+inf'`.
 */
export type ScoreBound = number | `${number}` | `(${number}` | '-inf' | '+inf' | 'inf' | '(-inf' | '(+inf' | '(inf';

/**
 * A lex bound of ZRANGEBYLEX and friends: `'-'` / `'+'` (the ends), Redis's raw text forms `'[abc'`
 * (inclusive) and `'(abc'` (exclusive), or a member encoded through the value codec.
 */
export type LexBound<V> = '-' | '+' | `[${string}` | `(${string}` | { value: V; exclusive?: boolean };

/** Conditions of ZADD. nx+xx, and gt/lt with nx or together, are refused, as Redis would. */
export interface ZAddOptions {
  /** Only add new members. */
  nx?: boolean;
  /** Only update existing members. */
  xx?: boolean;
  /** Only update when the new score is greater. */
  gt?: boolean;
  /** Only update when the new score is less. */
  lt?: boolean;
  /** Count changed members, not only added ones. */
  ch?: boolean;
  /** Add the score to the member's (one member only); resolves to the new score, or null if aborted. */
  incr?: boolean;
}
/** Every option of ZAddOptions, for checkOptions. */
export const ZADD_OPTIONS = optionNames<ZAddOptions>()(['nx', 'xx', 'gt', 'lt', 'ch', 'incr']);

/** Several members with their scores: a Map, `[member, score]` pairs, or (text members) a plain object. */
export type ZAddMembers<V> =
  | ReadonlyMap<V, number>
  | readonly (readonly [V, number])[]
  | (V extends string ? Readonly<Record<string, number>> : never);

/** `LIMIT offset count` of a score or lex range. */
export interface RangeLimit {
  offset: number;
  count: number;
}

/** Options of ZRANGE / ZREVRANGE and the other reads that can return scores. */
export interface WithScores {
  withScores?: boolean;
}
/** Every option of WithScores, for checkOptions. */
export const WITH_SCORES_OPTIONS = optionNames<WithScores>()(['withScores']);

/** Options of ZRANGEBYSCORE / ZREVRANGEBYSCORE. */
export interface ScoreRangeOptions extends WithScores {
  limit?: RangeLimit;
}
/** Every option of ScoreRangeOptions, for checkOptions. */
export const SCORE_RANGE_OPTIONS = optionNames<ScoreRangeOptions>()(['withScores', 'limit']);

/** Options of ZRANGEBYLEX / ZREVRANGEBYLEX. */
export interface LexRangeOptions {
  limit?: RangeLimit;
}
/** Every option of LexRangeOptions, for checkOptions. */
export const LEX_RANGE_OPTIONS = optionNames<LexRangeOptions>()(['limit']);

/** How ZUNIONSTORE / ZINTERSTORE / ZUNION / ZINTER combine scores. */
export interface CombineOptions {
  /** One multiplier per source key, in order. */
  weights?: readonly number[];
  aggregate?: 'sum' | 'min' | 'max';
}
/** Every option of CombineOptions, for checkOptions. */
export const COMBINE_OPTIONS = optionNames<CombineOptions>()(['weights', 'aggregate']);

/** Options of ZUNION / ZINTER (this key first, then the other ids). */
export interface CombineReadOptions extends CombineOptions, WithScores {}
/** Every option of CombineReadOptions, for checkOptions. */
export const COMBINE_READ_OPTIONS = optionNames<CombineReadOptions>()(['weights', 'aggregate', 'withScores']);

/** Options of ZRANGESTORE: by rank (default), by score or by lex; `rev` takes the higher bound first. */
export type RangeStoreOptions =
  | { by?: 'rank'; rev?: boolean }
  | { by: 'score'; rev?: boolean; limit?: RangeLimit }
  | { by: 'lex'; rev?: boolean; limit?: RangeLimit };
/** Every option of RangeStoreOptions, for checkOptions. */
export const RANGE_STORE_OPTIONS = optionNames<RangeStoreOptions>()(['by', 'rev', 'limit']);

/** A number Redis reads as a score: NaN refused, ±Infinity as `inf` / `-inf`. */
export function scoreArg(value: unknown, fail: Refuse, what = 'score'): number | string {
  if (typeof value !== 'number') return fail(`${what} must be a number, got ${describe(value)}`);
  if (value !== value) return fail(`${what} cannot be NaN`);
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return value;
}

const SCORE_TEXT = /^\(?(?:[+-]?inf|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

/** A score bound as Redis reads it. */
export function scoreBoundArg(bound: unknown, fail: Refuse): number | string {
  if (typeof bound === 'number') return scoreArg(bound, fail, 'score bound');
  if (typeof bound === 'string' && SCORE_TEXT.test(bound)) return bound;
  return fail(`bad score bound ${describe(bound)} (expected a number, '(1.5', '-inf' or '+inf')`);
}

/** A lex bound as Redis reads it; `encode` turns a member into its stored form. */
export function lexBoundArg<V>(bound: LexBound<V>, encode: (member: V) => string | Buffer, fail: Refuse): string | Buffer {
  if (typeof bound === 'string') {
    if (bound === '-' || bound === '+' || bound.startsWith('[') || bound.startsWith('(')) return bound;
    return fail(`bad lex bound ${describe(bound)} (expected '-', '+', '[member', '(member' or { value })`);
  }
  if (typeof bound !== 'object' || bound === null || !('value' in bound)) {
    return fail(`bad lex bound ${describe(bound)} (expected '-', '+', '[member', '(member' or { value })`);
  }
  const mark = bound.exclusive ? '(' : '[';
  const encoded = encode(bound.value);
  return typeof encoded === 'string' ? mark + encoded : Buffer.concat([Buffer.from(mark), encoded]);
}

/** `LIMIT offset count`, checked. */
export function limitArgs(limit: RangeLimit | undefined, fail: Refuse): (string | number)[] {
  if (limit === undefined) return [];
  if (!Number.isSafeInteger(limit.offset) || !Number.isSafeInteger(limit.count)) {
    return fail(`limit offset and count must be integers, got ${describe(limit.offset)}, ${describe(limit.count)}`);
  }
  return ['LIMIT', limit.offset, limit.count];
}

const NO_FLAGS: readonly string[] = Object.freeze([]);

/** ZADD's flags, refusing the combinations Redis refuses; `members` is how many members are added. */
export function zaddFlags(options: ZAddOptions, members: number, fail: Refuse): readonly string[] {
  const { nx, xx, gt, lt, ch, incr } = options;
  if (nx && xx) fail('options nx and xx cannot be combined');
  if (nx && (gt || lt)) fail(`options nx and ${gt ? 'gt' : 'lt'} cannot be combined`);
  if (gt && lt) fail('options gt and lt cannot be combined');
  if (incr && members !== 1) fail(`option incr takes exactly one member, got ${members}`);
  if (!nx && !xx && !gt && !lt && !ch && !incr) return NO_FLAGS;
  const flags: string[] = [];
  if (nx) flags.push('NX');
  if (xx) flags.push('XX');
  if (gt) flags.push('GT');
  if (lt) flags.push('LT');
  if (ch) flags.push('CH');
  if (incr) flags.push('INCR');
  return flags;
}

/** The `[member, score]` entries of a ZAddMembers value, or a refusal for anything else. */
export function zaddEntries<V>(members: ZAddMembers<V>, fail: Refuse): [V, unknown][] {
  if (members instanceof Map) return [...(members as Map<V, unknown>)];
  if (Array.isArray(members)) {
    const pairs = members as unknown[];
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        fail(`members must be [member, score] pairs, got ${describe(pair)}`);
      }
    }
    return pairs as [V, unknown][];
  }
  if (typeof members === 'object' && members !== null) return Object.entries(members) as [V, unknown][];
  return fail(`expected a score after the member, or a map of members to scores, got ${describe(members)}`);
}

/** WEIGHTS and AGGREGATE, checked against the number of source keys. */
export function combineArgs(options: CombineOptions, keys: number, fail: Refuse): (string | number)[] {
  const args: (string | number)[] = [];
  if (options.weights !== undefined) {
    if (options.weights.length !== keys) {
      fail(`expected ${keys} weights (one per source key), got ${options.weights.length}`);
    }
    args.push('WEIGHTS', ...options.weights.map((weight) => scoreArg(weight, fail, 'weight')));
  }
  if (options.aggregate !== undefined) {
    if (options.aggregate !== 'sum' && options.aggregate !== 'min' && options.aggregate !== 'max') {
      fail(`aggregate must be 'sum', 'min' or 'max', got ${describe(options.aggregate)}`);
    }
    args.push('AGGREGATE', options.aggregate.toUpperCase());
  }
  return args;
}

/** A short rendering of a bad argument for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
