// `npm run samples` (= build, then `node build/samples/run-all.js [name…]`): runs every sample below and
// checks what each one printed against its `expected` lines. Exits non-zero if any sample is wrong.
//
// HOW TO ADD A SAMPLE
//   1. Write samples/<name>.ts exporting `run(): Promise<string[]>` (print with `printer()` from
//      ./support.js and return its `lines`) and `expected` (one string, or RegExp for a line that may
//      vary, per printed line). Import the library as users do: `from 'redpipe'`.
//   2. Add one line to SAMPLES below: `{ name: '<name>', load: () => import('./<name>.js') },`
//   Every sample finds three connections bound: 'default' and 'users' (the primary server) and
//   'messages' (the secondary server); its keys start empty (see "Isolation").
//
// Redis (via spec/harness): REDIS_URL if set (secondary: REDIS_URL_SECONDARY, else the same server with
// database index + 1); else two throwaway local redis-servers; else two testcontainers (Docker).
//
// Isolation: on servers this script started, both are FLUSHALLed before each sample. A REDIS_URL server
// is never flushed: each sample's clients get the ioredis `keyPrefix` `redpipe-samples:<run>:<sample>:`
// and those keys are deleted at the end. ioredis does not prefix SCAN MATCH patterns, so a sample that
// scans a whole keyspace (e.g. `scanIds`) should only look for ids it wrote itself.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { connect, reset } from 'redpipe';
import {
  connectionOptions, deleteKeysByPrefix, redisEndpoint, startHarness, stopHarness, type RedisEndpoint, type Which,
} from '../spec/harness/index.js';
import type { SampleModule } from './support.js';

interface SampleEntry {
  /** Shown in the report and accepted on the command line. */
  readonly name: string;
  readonly load: () => Promise<SampleModule>;
}

/** Every sample, run in this order. One line each. */
export const SAMPLES: readonly SampleEntry[] = [
  { name: 'getting-started', load: () => import('./getting-started.js') },
  { name: 'increment-and-expire', load: () => import('./increment-and-expire.js') },
  { name: 'incr-expire', load: () => import('./incr-expire.js') },
  { name: 'increment-keys', load: () => import('./increment-keys.js') },
  { name: 'nested-calls', load: () => import('./nested-calls.js') },
  { name: 'named-connections', load: () => import('./named-connections.js') },
  { name: 'transactions', load: () => import('./transactions.js') },
  { name: 'errors', load: () => import('./errors.js') },
  { name: 'followers', load: () => import('./followers.js') },
  { name: 'keyspaces', load: () => import('./keyspaces.js') },
  { name: 'hashed-string', load: () => import('./hashed-string.js') },
  { name: 'user-model', load: () => import('./user-model.js') },
];

const SAMPLE_TIMEOUT_MS = 20_000;
const runPrefix = `redpipe-samples:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;

/** An error from outside the awaited chain (a detached execute, a client 'error' event) during a sample. */
let stray: Error | undefined;
process.on('unhandledRejection', (reason) => {
  stray ??= reason instanceof Error ? reason : new Error(String(reason));
});

async function main(): Promise<number> {
  let chosen: readonly SampleEntry[];
  try {
    chosen = pickSamples(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  try {
    await startHarness();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const servers: Record<Which, RedisEndpoint> = { primary: redisEndpoint('primary'), secondary: redisEndpoint('secondary') };
  const shared = !servers.primary.owned || !servers.secondary.owned;
  const failed: string[] = [];
  try {
    for (const sample of chosen) {
      console.log(`\n== ${sample.name}`);
      const problem = await runSample(sample, servers, shared);
      if (problem === undefined) console.log(`sample ${sample.name}: ok`);
      else {
        console.log(`sample ${sample.name}: FAILED\n${problem}`);
        failed.push(sample.name);
      }
    }
  } finally {
    if (shared) await deleteRunKeys(servers);
    await stopHarness();
  }
  console.log(
    `\nsamples: ${chosen.length - failed.length} ok, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`,
  );
  return failed.length ? 1 : 0;
}

function pickSamples(names: string[]): readonly SampleEntry[] {
  const seen = new Set<string>();
  for (const { name } of SAMPLES) {
    if (seen.has(name)) throw new Error(`samples/run-all.ts: sample '${name}' is listed twice`);
    seen.add(name);
  }
  if (names.length === 0) return SAMPLES;
  const unknown = names.filter((name) => !seen.has(name));
  if (unknown.length) throw new Error(`unknown sample(s): ${unknown.join(', ')}; known: ${[...seen].join(', ')}`);
  return SAMPLES.filter((sample) => names.includes(sample.name));
}

/** Runs one sample on fresh clients; returns undefined if its output is right, else what went wrong. */
async function runSample(
  sample: SampleEntry,
  servers: Record<Which, RedisEndpoint>,
  shared: boolean,
): Promise<string | undefined> {
  const keyPrefix = shared ? `${runPrefix}${sample.name}:` : undefined;
  const primary = newClient(servers.primary, keyPrefix);
  const secondary = newClient(servers.secondary, keyPrefix);
  stray = undefined;
  try {
    if (!shared) await Promise.all([primary.flushall(), secondary.flushall()]);
    reset();
    connect(primary);
    connect(primary, 'users');
    connect(secondary, 'messages');
    const lines = await withTimeout((await sample.load()).run(), SAMPLE_TIMEOUT_MS);
    const mismatch = compare(lines, (await sample.load()).expected);
    // Give detached round trips (autoexec at the root) a moment to report stray failures.
    await new Promise((resolve) => setImmediate(resolve));
    if (stray) return `  error outside the sample's awaits: ${describe(stray)}`;
    return mismatch;
  } catch (error) {
    return `  threw: ${describe(error)}`;
  } finally {
    reset();
    await Promise.all([close(primary), close(secondary)]);
  }
}

/** A line-by-line diff, or undefined when every line matches. */
function compare(actual: readonly string[], expected: readonly (string | RegExp)[]): string | undefined {
  const out: string[] = [];
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const want = expected[i];
    const got = actual[i];
    const shown = (value: string | RegExp): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));
    if (want === undefined) out.push(`  line ${i + 1}: unexpected ${shown(got)}`);
    else if (got === undefined) out.push(`  line ${i + 1}: missing, expected ${shown(want)}`);
    else if (typeof want === 'string' ? got !== want : !want.test(got)) {
      const indent = ' '.repeat(`  line ${i + 1}: `.length);
      out.push(`  line ${i + 1}: expected ${shown(want)}`, `${indent}     got ${shown(got)}`);
    }
  }
  return out.length ? out.join('\n') : undefined;
}

function newClient(endpoint: RedisEndpoint, keyPrefix: string | undefined): Redis {
  const client = new Redis({ ...connectionOptions(endpoint), ...(keyPrefix ? { keyPrefix } : {}), maxRetriesPerRequest: 2 });
  client.on('error', (error: Error) => {
    stray ??= error;
  });
  return client;
}


async function close(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => undefined);
  client.disconnect();
}

/** On a shared server, deletes the keys this run wrote (only those under this run's prefix). */
async function deleteRunKeys(servers: Record<Which, RedisEndpoint>): Promise<void> {
  for (const endpoint of new Set([servers.primary, servers.secondary])) {
    await deleteKeysByPrefix(connectionOptions(endpoint), runPrefix).catch((error: unknown) => {
      console.error(`could not delete this run's keys (${runPrefix}*): ${describe(error)}`);
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms (a deferred that is never filled?)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(describe(error));
  return 1;
});
