// Compile-only type spec of SortedSetKeyspace: `npm run typecheck:types`. Nothing here runs. Result types
// follow the options (withScores, incr, a count), members follow the class's value type.
import { Binary, Integer } from '../../lib/codecs/index.js';
import { SortedSetKeyspace } from '../../lib/keyspaces/index.js';
import type { Deferred, Pipeline } from '../../lib/index.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const pipe: Pipeline;
declare const withScores: boolean;

class Followers extends SortedSetKeyspace {
  static override keyspace = 'F';
}
class Scores extends SortedSetKeyspace<number> {
  static override keyspace = 'S';
  static override valueCodec = Integer;
}
class Blobs extends SortedSetKeyspace<Buffer> {
  static override keyspace = 'B';
  static override valueCodec = Binary;
}

const f = new Followers('1', pipe);
const added = f.zadd('a', 1);
export const zaddCounts: Equals<typeof added, Deferred<number>> = true;
const addedMap = f.zadd({ a: 1, b: 2 }, { ch: true });
export const zaddMapCounts: Equals<typeof addedMap, Deferred<number>> = true;
const incr = f.zadd('a', 1, { incr: true });
export const zaddIncrIsScoreOrNull: Equals<typeof incr, Deferred<number | null>> = true;
const members = f.zrange(0, -1);
export const zrangeMembers: Equals<typeof members, Deferred<string[]>> = true;
const pairs = f.zrange(0, -1, { withScores: true });
export const zrangePairs: Equals<typeof pairs, Deferred<[string, number][]>> = true;
const either = f.zrange(0, -1, { withScores });
export const zrangeEither: Equals<typeof either, Deferred<string[] | [string, number][]>> = true;
const byScore = f.zrangebyscore('(1', '+inf', { limit: { offset: 0, count: 1 }, withScores: true });
export const byScorePairs: Equals<typeof byScore, Deferred<[string, number][]>> = true;
const score = f.zscore('a');
export const zscoreNullable: Equals<typeof score, Deferred<number | null>> = true;
const pop = f.zpopmin();
export const zpopminOne: Equals<typeof pop, Deferred<[string, number] | null>> = true;
const pops = f.zpopmax(3);
export const zpopmaxMany: Equals<typeof pops, Deferred<[string, number][]>> = true;
const blocked = f.bzpopmin(1, ['2']);
export const bzpopminTriple: Equals<typeof blocked, Deferred<[string, string, number] | null>> = true;
const random = f.zrandmember();
export const zrandmemberOne: Equals<typeof random, Deferred<string | null>> = true;
const randomPairs = f.zrandmember(2, { withScores: true });
export const zrandmemberPairs: Equals<typeof randomPairs, Deferred<[string, number][]>> = true;
const union = f.zunion(['2'], { weights: [1, 2], withScores: true });
export const zunionPairs: Equals<typeof union, Deferred<[string, number][]>> = true;
const scan = f.zscan();
export const zscanPairs: Equals<typeof scan, AsyncGenerator<[string, number]>> = true;

const s = new Scores('1', pipe);
const ints = s.zrevrange(0, -1);
export const integerMembers: Equals<typeof ints, Deferred<number[]>> = true;
s.zadd(new Map([[1, 2]]));
s.zrangebylex({ value: 5 }, '+');
const b = new Blobs('1', pipe);
const blobs = b.zrangebyscore(0, 1, { withScores: true });
export const binaryPairs: Equals<typeof blobs, Deferred<[Buffer, number][]>> = true;

// @ts-expect-error scores are numbers
f.zadd('a', '1');
// @ts-expect-error members of an Integer class are numbers
s.zadd('a', 1);
// @ts-expect-error a plain object of members needs text members
s.zadd({ a: 1 });
// @ts-expect-error score bounds are numbers or Redis's text forms
f.zcount('abc', 1);
// @ts-expect-error lex bounds are '-', '+', '[x', '(x' or { value }
f.zrangebylex('x', '+');
// @ts-expect-error withScores results are pairs, not members
export const wrong: Deferred<string[]> = f.zrange(0, -1, { withScores: true });
