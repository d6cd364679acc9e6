// `npm run bench:pipeline`: what the pipeline engine costs over a raw ioredis pipeline.
//
// 10,000 INCR, then 10,000 HSET (two fields), sent three ways on one client, in one process:
//   (a) one raw ioredis pipeline + exec();
//   (b) one redpipe pipeline() + execute();
//   (c) one redpipe root with 100 nested autoexec() functions of 100 commands each, + execute().
// Warm-up rounds first, then BENCH_RUNS rounds (variants interleaved, order rotating each round);
// the median of each is reported with ops/s, its time relative to (a) (ratio of medians, and the paired
// ratio the goal is judged on), and this process's CPU time. Goal: (b), (c) ≤ 1.15x (a).
//
// Redis: REDIS_URL if set (keys under a run prefix, deleted at the end), else a throwaway local
// redis-server. Knobs: BENCH_N (commands per pipeline, 10000), BENCH_RUNS (15), BENCH_WARMUP (5),
// BENCH_ONLY (run only the op whose name contains it, e.g. `HSET`; handy with `node --cpu-prof`),
// BENCH_GC=1 (a forced full GC before each timed run; see `measure` in support.ts for why it is off).
import { Redis } from 'ioredis';
import { autoexec, connect, disconnect, pipeline, type Deferred, type Pipeline } from '../lib/index.js';
import { measureDetailed, median, opsPerSecond, pairedRatio, startBenchRedis, table, thousands, type Variant } from './support.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ONLY = process.env.BENCH_ONLY;
const GC = process.env.BENCH_GC === '1';
const GROUPS = 100; // nested functions in (c); each queues N / GROUPS commands
const GOAL = 1.15;

/** One Redis command, written for each of the three ways of sending it. */
interface Op {
  readonly name: string;
  raw(batch: ReturnType<Redis['pipeline']>, i: number): void;
  ours(pipe: Pipeline, i: number): Deferred<number>;
}

function ops(prefix: string): Op[] {
  const counters = Array.from({ length: N }, (_, i) => `${prefix}c:${i}`);
  const hashes = Array.from({ length: N }, (_, i) => `${prefix}h:${i}`);
  const names = Array.from({ length: N }, (_, i) => `user ${i}`);
  const seen = Array.from({ length: N }, (_, i) => String(1_700_000_000 + i));
  return [
    {
      name: 'INCR',
      raw: (batch, i) => void batch.incr(counters[i]),
      ours: (pipe, i) => pipe.incr(counters[i]),
    },
    {
      name: 'HSET',
      raw: (batch, i) => void batch.hset(hashes[i], 'name', names[i], 'seen', seen[i]),
      ours: (pipe, i) => pipe.hset(hashes[i], 'name', names[i], 'seen', seen[i]),
    },
  ];
}

function variants(client: Redis, op: Op): Variant[] {
  const perGroup = Math.ceil(N / GROUPS);
  return [
    {
      name: 'raw ioredis pipeline',
      run: async () => {
        const batch = client.pipeline();
        for (let i = 0; i < N; i++) op.raw(batch, i);
        return batch.exec();
      },
    },
    {
      name: 'redpipe pipeline()',
      run: async () => {
        const pipe = pipeline();
        const results: Deferred<number>[] = [];
        for (let i = 0; i < N; i++) results.push(op.ours(pipe, i));
        await pipe.execute();
        return results;
      },
    },
    {
      name: `redpipe ${GROUPS} nested autoexec`,
      run: async () => {
        const pipe = pipeline();
        const results: Deferred<number>[] = [];
        for (let g = 0; g < GROUPS; g++) {
          autoexec(pipe, (p) => {
            for (let i = g * perGroup; i < Math.min(N, (g + 1) * perGroup); i++) results.push(op.ours(p, i));
          });
        }
        await pipe.execute();
        return results;
      },
    },
  ];
}

async function main(): Promise<number> {
  const redis = await startBenchRedis();
  const client = new Redis(redis.options);
  connect(client);
  const rows: string[][] = [];
  let worst = 0;
  try {
    console.log(
      `bench:pipeline  N=${N} commands per pipeline, ${WARMUP} warm-up + ${RUNS} timed runs (median)` +
        `${GC ? ', full GC before each' : ''}, ` +
        `Redis ${redis.url}${redis.owned ? ' (throwaway)' : ''}, Node ${process.version}, ioredis ${await ioredisVersion()}\n`,
    );
    for (const op of ops(redis.prefix)) {
      if (ONLY && !op.name.includes(ONLY)) continue;
      const list = variants(client, op);
      const runs = await measureDetailed(list, { warmup: WARMUP, runs: RUNS, gc: GC });
      const raw = runs.get(list[0].name) ?? { ms: [], cpuMs: [] };
      for (const variant of list) {
        const own = runs.get(variant.name) ?? { ms: [], cpuMs: [] };
        const ms = median(own.ms);
        const ratio = ms / median(raw.ms);
        const paired = pairedRatio(own.ms, raw.ms);
        if (variant !== list[0]) worst = Math.max(worst, paired);
        rows.push([
          op.name,
          variant.name,
          ms.toFixed(1),
          thousands(opsPerSecond(N, ms)),
          `${ratio.toFixed(2)}x`,
          `${paired.toFixed(2)}x`,
          median(own.cpuMs).toFixed(1),
          `${(median(own.cpuMs) / median(raw.cpuMs)).toFixed(2)}x`,
        ]);
      }
    }
    console.log(
      table(
        ['command', 'sent through', 'median ms', 'ops/s', 'time vs raw', 'paired', 'client CPU ms', 'CPU vs raw'],
        rows,
        [2, 3, 4, 5, 6, 7],
      ),
    );
    console.log(
      '\ntime vs raw: median time / median raw time. paired: median over rounds of (time / that round\'s raw\n' +
        'time); the two ran back to back, so this one drifts least when the machine\'s load changes.\n' +
        'client CPU: CPU time of this Node process during the run (all its threads, V8\'s parallel GC\n' +
        'included, so it can exceed wall time; Redis excluded), median.',
    );
    const met = worst <= GOAL;
    console.log(`\ngoal: redpipe within ${GOAL}x of a raw ioredis pipeline (paired): ${met ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}x)`);
    return 0;
  } finally {
    disconnect();
    await client.quit().catch(() => undefined);
    await redis.stop();
  }
}

async function ioredisVersion(): Promise<string> {
  try {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('ioredis/package.json') as { version: string };
    return pkg.version;
  } catch {
    return '?';
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  return 1;
});
