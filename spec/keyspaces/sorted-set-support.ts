// Shared by the sorted-set specs: a fresh keyspace class per test (unique prefix, the mode's connection)
// and raw reads of what Redis stores.
import type { Redis } from 'ioredis';
import { SortedSetKeyspace } from '../../lib/keyspaces/index.js';
import { uniqueKey } from '../harness/index.js';
import type { Mode, Servers } from './collections-support.js';

/** A keyspace class made for one test, with the raw client of its server. */
export interface Fixture {
  /** `class Followers extends SortedSetKeyspace { static keyspace = prefix; static connection = … }` */
  Followers: typeof SortedSetKeyspace<string>;
  prefix: string;
  /** `prefix{id}`, spelled out independently of the library. */
  key: (id: string) => string;
  /** A plain ioredis client of the server the mode's connection is bound to. */
  raw: Redis;
}

/** A fresh Followers class for `mode`, with a prefix no other test uses. */
export function fixture(mode: Mode, servers: Servers): Fixture {
  const prefix = uniqueKey('F');
  class Followers extends SortedSetKeyspace {
    static override keyspace = prefix;
    static override connection = mode.connection;
  }
  return { Followers, prefix, key: (id) => `${prefix}{${id}}`, raw: servers[mode.which] };
}

/** The whole set as Redis stores it: `[member, score text]` pairs, lowest first. */
export async function stored(raw: Redis, key: string): Promise<[string, string][]> {
  const flat = await raw.zrange(key, 0, '-1', 'WITHSCORES'); // stop as text: ioredis 6.0.0 types ZRANGE's stop as string | Buffer (redis/ioredis#2162)
  const pairs: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}
