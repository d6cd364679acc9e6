// `npm run bench:keyspaces`: what the keyspace classes cost over a raw ioredis pipeline.
//
// 10,000 HashKeyspace.hset (5 members) / hgetall and SortedSetKeyspace.zadd / zrange, each in one
// pipeline, against the same commands through one raw ioredis pipeline on the same client. Warm-up
// rounds, then BENCH_RUNS rounds (raw and redpipe interleaved); the
// median of each is reported with ops/s and its time relative to raw. Goal: within 1.2× of raw.
//
// Redis: REDIS_URL if set (keys under a run prefix, deleted at the end), else a throwaway local
// redis-server. Knobs: BENCH_N (commands per pipeline, 10000), BENCH_RUNS (15), BENCH_WARMUP (3),
// BENCH_ONLY (only the cases whose name contains it, e.g. `zrange`; handy with `node --cpu-prof`).
import { Redis } from 'ioredis';
import { connect, disconnect, HashKeyspace, pipeline, SortedSetKeyspace, type Deferred, type Pipeline } from '../lib/index.js';
import { measure, median, opsPerSecond, pairedRatio, startBenchRedis, table, thousands, type Variant } from './support.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ONLY = process.env.BENCH_ONLY?.toLowerCase();
const GOAL = 1.2;

/** One measured case: the same N commands through a keyspace class and through a raw ioredis pipeline. */
interface Case {
  readonly name: string;
  /** Writes run first: the reads read what they stored. */
  readonly write: boolean;
  raw(batch: ReturnType<Redis['pipeline']>, i: number): void;
  ours(pipe: Pipeline, i: number): Deferred<unknown>;
}

function cases(prefix: string): Case[] {
  class Users extends HashKeyspace {
    static override keyspace = `${prefix}U`;
  }
  class Followers extends SortedSetKeyspace {
    static override keyspace = `${prefix}F`;
  }
  class Follower extends SortedSetKeyspace {
    static override keyspace = `${prefix}F1`;
  }
  const ids = Array.from({ length: N }, (_, i) => String(i));
  // Raw keys are written inline, as raw code would; the keyspace builds `prefix{id}` itself.
  const hashes = ids.map((id, i) => ({
    name: `user ${id}`, email: `user${id}@example.com`, city: 'Lisbon', lastSeen: String(1_700_000_000 + i), admin: i % 2 ? '1' : '',
  }));
  const pairs = ids.map((_, i): [string, number][] => [['a', i], ['b', i + 1], ['c', i + 2.5], ['d', -i], ['e', i * 2]]);
  const flat = pairs.map((list) => list.flatMap(([member, score]) => [score, member]));
  return [
    {
      name: 'HashKeyspace.hset (5 members)',
      write: true,
      raw: (batch, i) => void batch.hset(`${prefix}RU{${ids[i]}}`, hashes[i]),
      ours: (pipe, i) => new Users(ids[i], pipe).hset(hashes[i]),
    },
    {
      name: 'HashKeyspace.hgetall',
      write: false,
      raw: (batch, i) => void batch.hgetall(`${prefix}RU{${ids[i]}}`),
      ours: (pipe, i) => new Users(ids[i], pipe).hgetall(),
    },
    {
      name: 'SortedSetKeyspace.zadd (5 members)',
      write: true,
      raw: (batch, i) => void batch.zadd(`${prefix}RF{${ids[i]}}`, ...flat[i]),
      ours: (pipe, i) => new Followers(ids[i], pipe).zadd(pairs[i]),
    },
    {
      name: 'SortedSetKeyspace.zadd (1 member)',
      write: true,
      raw: (batch, i) => void batch.zadd(`${prefix}RF1{${ids[i]}}`, i, 'm'),
      ours: (pipe, i) => new Follower(ids[i], pipe).zadd('m', i),
    },
    {
      name: 'SortedSetKeyspace.zrange (5 members)',
      write: false,
      raw: (batch, i) => void batch.zrange(`${prefix}RF{${ids[i]}}`, 0, '-1'),
      ours: (pipe, i) => new Followers(ids[i], pipe).zrange(0, -1),
    },
    {
      name: 'SortedSetKeyspace.zrange withScores',
      write: false,
      raw: (batch, i) => void batch.zrange(`${prefix}RF{${ids[i]}}`, 0, '-1', 'WITHSCORES'),
      ours: (pipe, i) => new Followers(ids[i], pipe).zrange(0, -1, { withScores: true }),
    },
  ];
}

/** A variant that also records this process's CPU time (user + system, ms) of every run in `cpu`. */
function withCpu(name: string, run: () => Promise<unknown>, cpu: number[]): Variant {
  return {
    name,
    run: async () => {
      const start = process.cpuUsage();
      const value = await run();
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
      return value;
    },
  };
}

/** Raw and redpipe variants of a case; `cpu` collects their CPU times (warm-up runs included). */
function variants(client: Redis, c: Case, cpu = { raw: [] as number[], ours: [] as number[] }): [Variant, Variant] {
  return [
    withCpu('raw', async () => {
      const batch = client.pipeline();
      for (let i = 0; i < N; i++) c.raw(batch, i);
      return batch.exec();
    }, cpu.raw),
    withCpu('redpipe', async () => {
      const pipe = pipeline();
      const results: Deferred<unknown>[] = [];
      for (let i = 0; i < N; i++) results.push(c.ours(pipe, i));
      await pipe.execute();
      return results.map((d) => d.result);
    }, cpu.ours),
  ];
}

async function main(): Promise<number> {
  const redis = await startBenchRedis();
  const client = new Redis(redis.options);
  connect(client);
  try {
    console.log(
      `bench:keyspaces  N=${N} commands per pipeline, ${WARMUP} warm-up + ${RUNS} timed runs (median), ` +
        `Redis ${redis.url}${redis.owned ? ' (throwaway)' : ''}, Node ${process.version}\n`,
    );
    const every = cases(redis.prefix);
    const selected = every.filter((c) => !ONLY || c.name.toLowerCase().includes(ONLY));
    // The reads need what the writes store, even when only a read case is selected.
    for (const c of every.filter((w) => w.write && !selected.includes(w))) {
      for (const variant of variants(client, c)) await variant.run();
    }
    const rows: string[][] = [];
    let worst = 0;
    for (const c of selected) {
      const cpu = { raw: [] as number[], ours: [] as number[] };
      const [raw, ours] = variants(client, c, cpu);
      const times = await measure([raw, ours], { warmup: WARMUP, runs: RUNS });
      const cpuRatio = median(cpu.ours.slice(WARMUP)) / median(cpu.raw.slice(WARMUP));
      const rawTimes = times.get(raw.name) ?? [];
      const ourTimes = times.get(ours.name) ?? [];
      const rawMs = median(rawTimes);
      const ourMs = median(ourTimes);
      const ratio = ourMs / rawMs;
      const paired = pairedRatio(ourTimes, rawTimes);
      // Judged on the paired ratio: it drifts least when the machine's load changes during the run.
      worst = Math.max(worst, paired);
      rows.push([
        c.name, rawMs.toFixed(1), ourMs.toFixed(1), thousands(opsPerSecond(N, rawMs)), thousands(opsPerSecond(N, ourMs)),
        `${ratio.toFixed(2)}×`, `${paired.toFixed(2)}×`, `${cpuRatio.toFixed(2)}×`,
      ]);
    }
    await checkSame(redis.prefix, client);
    console.log(table(['case', 'raw ms', 'redpipe ms', 'raw ops/s', 'redpipe ops/s', 'time vs raw', 'paired', 'CPU vs raw'], rows, [1, 2, 3, 4, 5, 6, 7]));
    console.log('(time vs raw: median time / median raw time; paired: median of each round\'s time / that round\'s raw time;');
    console.log(' CPU vs raw: median CPU time of this Node process, which steadies the comparison on a loaded machine)');
    console.log(`\ngoal: keyspaces within ${GOAL}× of a raw ioredis pipeline (paired): ${worst <= GOAL ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}×)`);
    return 0;
  } finally {
    disconnect();
    await client.quit().catch(() => undefined);
    await redis.stop();
  }
}

/** Both sides stored, and read back, the same things. */
async function checkSame(prefix: string, client: Redis): Promise<void> {
  class Users extends HashKeyspace {
    static override keyspace = `${prefix}U`;
  }
  class Followers extends SortedSetKeyspace {
    static override keyspace = `${prefix}F`;
  }
  const pipe = pipeline();
  const hash = new Users('7', pipe).hgetall();
  const zset = new Followers('7', pipe).zrange(0, -1, { withScores: true });
  await pipe.execute();
  const rawHash = await client.hgetall(`${prefix}RU{7}`);
  const rawZset = await client.zrange(`${prefix}RF{7}`, 0, '-1', 'WITHSCORES'); // stop as text: ioredis 6.0.0 types ZRANGE's stop as string | Buffer (redis/ioredis#2162)
  const ourZset = zset.result.flatMap(([member, score]) => [member, String(score)]);
  if (JSON.stringify(hash.result) !== JSON.stringify(rawHash) || JSON.stringify(ourZset) !== JSON.stringify(rawZset)) {
    throw new Error('redpipe and raw ioredis disagree on what was stored');
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  return 1;
});
