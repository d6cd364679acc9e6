// Shared by the benchmarks: one Redis for the run, timing with a GC before each timed run, interleaved
// repetitions with warm-up, medians, and a plain-text table.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Redis, type RedisOptions } from 'ioredis';
import { hasRedisServerBinary, startRedisServer } from '../spec/harness/redis-server.js';
import { deleteKeysByPrefix } from '../spec/harness/index.js';

/** The Redis a benchmark runs against. */
export interface BenchRedis {
  /** Where it is (for the report). */
  readonly url: string;
  /** Options for `new Redis(options)`. */
  readonly options: RedisOptions;
  /** True when this process started it (so nothing else lives there). */
  readonly owned: boolean;
  /** Put it before every key: unique to this run, so a shared REDIS_URL server is never clobbered. */
  readonly prefix: string;
  /** Deletes this run's keys if the server is shared, then stops the server if this process started it. */
  stop(): Promise<void>;
}

/**
 * REDIS_URL if set (never flushed; keys under a run prefix, deleted by `stop()`); else one throwaway
 * local redis-server; else (no binary) the test harness's fallback, a testcontainers Redis.
 */
export async function startBenchRedis(): Promise<BenchRedis> {
  const prefix = `bench:${Date.now().toString(36)}${randomBytes(2).toString('hex')}:`;
  const url = process.env.REDIS_URL;
  if (url) {
    const options = optionsFromUrl(url);
    return { url, options, owned: false, prefix, stop: () => deleteKeysByPrefix(options, prefix) };
  }
  if (hasRedisServerBinary()) {
    const server = await startRedisServer();
    return { url: server.url, options: { host: server.host, port: server.port }, owned: true, prefix, stop: () => server.stop() };
  }
  const { startHarness, stopHarness, redisEndpoint } = await import('../spec/harness/index.js');
  await startHarness(); // throws a message saying how to get Redis when nothing works
  const endpoint = redisEndpoint('primary');
  return {
    url: endpoint.url,
    options: { host: endpoint.host, port: endpoint.port, db: endpoint.db },
    owned: true,
    prefix,
    stop: () => stopHarness(),
  };
}

function optionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(parsed.port || '6379'),
    db: Number(parsed.pathname.replace(/^\//, '') || '0'),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}


/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A full GC (without `--expose-gc` on the command line), so one variant's garbage is not collected on the next one's clock. */
export const collectGarbage = ((): (() => void) => {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();

/** One timed run: wall-clock ms, and ms of CPU this process used (user + system) meanwhile. */
export interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

/** Milliseconds one call of `fn` takes; after a full GC first when `gc` is true. */
export async function timeOnce(fn: () => Promise<unknown>, gc = false): Promise<number> {
  return (await timeRun(fn, gc)).ms;
}

/** Times one call of `fn` (wall and this process's CPU); after a full GC first when `gc` is true. */
export async function timeRun(fn: () => Promise<unknown>, gc = false): Promise<Timing> {
  if (gc) collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** One way of doing the measured work. */
export interface Variant {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

/** A variant's timed runs, in round order (so `pairedRatio` can pair them with another variant's). */
export interface Runs {
  readonly ms: number[];
  readonly cpuMs: number[];
}

/** Options of `measure` and `measureDetailed`. */
export interface MeasureOptions {
  /** Untimed rounds first (JIT, connection, server caches). Default 3. */
  warmup?: number;
  /** Timed rounds. Default 7. */
  runs?: number;
  /** Force a full GC before each timed run. Default false (see `measureDetailed`). */
  gc?: boolean;
}

/** Like `measureDetailed`, returning only each variant's wall-clock ms, in round order. */
export async function measure(variants: readonly Variant[], options: MeasureOptions = {}): Promise<Map<string, number[]>> {
  const detailed = await measureDetailed(variants, options);
  return new Map([...detailed].map(([name, runs]) => [name, runs.ms]));
}

/**
 * Runs every variant `warmup` times, then `runs` times more, interleaved (the order rotates each round,
 * so drift and GC pressure hit every variant alike); returns each variant's timed runs (wall and CPU).
 *
 * `gc: true` forces a full GC before each timed run. Off by default: V8 shrinks the young generation
 * after a full GC, so the next run pays many extra scavenges in proportion to what it keeps alive (a
 * pipeline keeps every queued command alive until its replies arrive); measured here, that alone made
 * a 10,000-command redpipe pipeline's own CPU time ~9x larger (0.9 -> 8-10 ms) and a raw ioredis
 * pipeline 2-3x slower, which no steady-state application sees.
 */
export async function measureDetailed(
  variants: readonly Variant[],
  { warmup = 3, runs = 7, gc = false }: MeasureOptions = {},
): Promise<Map<string, Runs>> {
  const results = new Map<string, Runs>(variants.map((v) => [v.name, { ms: [], cpuMs: [] }]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length];
      const timing = await timeRun(variant.run, gc);
      const own = results.get(variant.name);
      if (round >= warmup && own) {
        own.ms.push(timing.ms);
        own.cpuMs.push(timing.cpuMs);
      }
    }
  }
  return results;
}

/**
 * Median of `times[r] / base[r]` over the rounds `r` of one `measure()` call: each pair ran back to back,
 * so this ratio drifts less than a ratio of medians when the machine's load changes during the run.
 */
export function pairedRatio(times: readonly number[], base: readonly number[]): number {
  return median(times.map((ms, r) => ms / base[r]));
}

/** Operations per second for `count` operations in `ms` milliseconds. */
export function opsPerSecond(count: number, ms: number): number {
  return (count / ms) * 1000;
}

/** `1234567.8` → `1,234,568`. */
export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A plain-text table; `right` lists the indexes of right-aligned columns. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
