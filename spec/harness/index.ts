// What test suites import: this run's Redis servers, tracked clients, round-trip proxies, unique keys.
//
// Where Redis comes from (decided once per run, in mochaGlobalSetup or on first async use):
//  1. REDIS_URL set: primary = REDIS_URL; secondary = REDIS_URL_SECONDARY if set, else the SAME server
//     with database index + 1. Such servers are shared: never flushed, tests must use uniqueKey().
//  2. else `redis-server` on PATH: two throwaway servers (primary, secondary) on free loopback ports.
//  3. else testcontainers (Docker or another runtime): two redis containers
//     (image redis:7.0-alpine, or REDPIPE_TEST_REDIS_IMAGE).
//  4. else an Error saying how to get Redis; the root hook rethrows it, so the run FAILS (never skips).
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { RoundTripProxy, type ProxyOptions } from './proxy.js';
import { hasRedisServerBinary, startRedisServer } from './redis-server.js';

export { RoundTripProxy, type ProxyOptions } from './proxy.js';

/** Which of the run's two Redis servers. */
export type Which = 'primary' | 'secondary';

/** How to reach one of the run's Redis servers. */
export interface RedisEndpoint {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** True if this harness started the server (so it may be flushed); false for REDIS_URL. */
  readonly owned: boolean;
}

interface Started extends RedisEndpoint {
  readonly stop?: () => Promise<void>;
}

const CONTAINER_IMAGE = process.env.REDPIPE_TEST_REDIS_IMAGE ?? 'redis:7.0-alpine';

const endpoints = new Map<Which, Started>();
let starting: Promise<void> | undefined;
let startError: Error | undefined;
const clients = new Set<Redis>();
const proxies = new Set<RoundTripProxy>();
const proxyEndpoints = new WeakMap<RoundTripProxy, RedisEndpoint>();

const runId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
let counter = 0;

/** Starts (or finds) this run's primary and secondary Redis once; later calls reuse the first result. */
export function startHarness(): Promise<void> {
  starting ??= resolveServers().catch((err: unknown) => {
    startError = err instanceof Error ? err : new Error(String(err));
    throw startError;
  });
  return starting;
}

/** Closes clients and proxies, then stops the servers this harness started; the next use starts anew. */
export async function stopHarness(): Promise<void> {
  await closeClients();
  await Promise.all([...proxies].map((proxy) => proxy.close()));
  proxies.clear();
  const servers = [...endpoints.values()];
  endpoints.clear();
  starting = undefined;
  startError = undefined;
  await Promise.all(servers.map((endpoint) => endpoint.stop?.()));
}

/** Endpoint details of this run's server (call inside hooks or tests, after global setup). */
export function redisEndpoint(which: Which = 'primary'): RedisEndpoint {
  if (startError) throw startError;
  if (endpoints.size === 0 && process.env.REDIS_URL) setEnvEndpoints(process.env.REDIS_URL);
  const endpoint = endpoints.get(which);
  if (!endpoint) {
    throw new Error(
      'redpipe test harness: Redis is not started yet. Call redisUrl()/newClient() inside hooks or tests ' +
        '(build/spec/harness/hooks.js starts it in mochaGlobalSetup, via .mocharc.yml), or await startHarness() first.',
    );
  }
  return endpoint;
}

/** redis:// URL of this run's primary or secondary server (including the db index when not 0). */
export function redisUrl(which: Which = 'primary'): string {
  return redisEndpoint(which).url;
}

/** A new ioredis client to this run's server; closed automatically at the end of the run. */
export function newClient(which: Which = 'primary', options: RedisOptions = {}): Redis {
  return track(new Redis({ ...connectionOptions(redisEndpoint(which)), ...options }));
}

/** Quits (or disconnects) every client made by this harness. */
export async function closeClients(): Promise<void> {
  const all = [...clients];
  clients.clear();
  await Promise.all(all.map(closeClient));
}

/** Starts a RoundTripProxy to this run's server; closed automatically at the end of the run. */
export async function startProxy(which: Which = 'primary', options: ProxyOptions = {}): Promise<RoundTripProxy> {
  await startHarness();
  const endpoint = redisEndpoint(which);
  const proxy = await RoundTripProxy.start(endpoint, options);
  proxies.add(proxy);
  proxyEndpoints.set(proxy, endpoint);
  return proxy;
}

/**
 * An ioredis client connected through `proxy`, resolved once ready and with `proxy.roundTrips`
 * reset after the connection handshake (SETINFO, INFO, SELECT...), so only your commands count.
 */
export async function clientThroughProxy(proxy: RoundTripProxy, options: RedisOptions = {}): Promise<Redis> {
  const endpoint = proxyEndpoints.get(proxy);
  const client = track(
    new Redis({
      ...(endpoint ? connectionOptions(endpoint) : {}),
      ...options,
      host: '127.0.0.1',
      port: proxy.port,
    }),
  );
  if (client.status === 'wait') await client.connect();
  await withTimeout(waitReady(client), 10_000, `client through proxy on port ${proxy.port} never became ready`);
  // PING is queued behind every handshake command, so once it answers the proxy has seen them all.
  await client.ping();
  proxy.reset();
  return client;
}

/** A key unique to this run and call, e.g. `k:1a2b3c4d:17`: tests never need FLUSHALL. */
export function uniqueKey(prefix = 'k'): string {
  return `${prefix}:${runId}:${++counter}`;
}

/** A namespace (key prefix) unique to this run and call, e.g. `t1a2b3c4d-18`. */
export function namespace(): string {
  return `t${runId}-${++counter}`;
}

/** FLUSHALL on the server if this harness started it (never on REDIS_URL servers); true if flushed. */
export async function flushIfOwned(which: Which = 'primary'): Promise<boolean> {
  await startHarness();
  const endpoint = redisEndpoint(which);
  if (!endpoint.owned) return false;
  const client = new Redis(connectionOptions(endpoint));
  try {
    await client.flushall();
  } finally {
    await closeClient(client);
  }
  return true;
}

async function resolveServers(): Promise<void> {
  if (process.env.REDIS_URL) return setEnvEndpoints(process.env.REDIS_URL);
  const started = hasRedisServerBinary() ? await startLocalServers() : await startContainers();
  endpoints.set('primary', started[0]);
  endpoints.set('secondary', started[1]);
}

function setEnvEndpoints(url: string): void {
  const primary = parseEndpoint(url, false);
  const secondaryUrl = process.env.REDIS_URL_SECONDARY ?? withDb(url, primary.db + 1);
  endpoints.set('primary', primary);
  endpoints.set('secondary', parseEndpoint(secondaryUrl, false));
}

async function startLocalServers(): Promise<[Started, Started]> {
  const results = await Promise.allSettled([startRedisServer(), startRedisServer()]);
  const servers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.stop()));
    throw failed.reason;
  }
  const [a, b] = servers;
  if (!a || !b) throw new Error('unreachable: two servers expected');
  return [parseEndpoint(a.url, true, a.stop), parseEndpoint(b.url, true, b.stop)];
}

async function startContainers(): Promise<[Started, Started]> {
  let reason: string;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    const { RedisContainer } = await import('@testcontainers/redis');
    const [a, b] = await Promise.all([
      new RedisContainer(CONTAINER_IMAGE).start(),
      new RedisContainer(CONTAINER_IMAGE).start(),
    ]);
    const stopper = (container: typeof a) => async (): Promise<void> => {
      await container.stop();
    };
    return [parseEndpoint(a.getConnectionUrl(), true, stopper(a)), parseEndpoint(b.getConnectionUrl(), true, stopper(b))];
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  throw new Error(
    [
      'No Redis server for the tests:',
      '  - `redis-server` is not on PATH,',
      '  - REDIS_URL is not set,',
      `  - testcontainers could not start Redis (${reason}).`,
      'Fix it with one of:',
      '  1. install Redis: `apt-get install -y redis-server` (Debian/Ubuntu, as root or with sudo; macOS: `brew install redis`);',
      `  2. run Docker (or another container runtime testcontainers supports) so it can start ${CONTAINER_IMAGE};`,
      '  3. point the tests at a running server: `REDIS_URL=redis://HOST:PORT npm test`',
      '     (secondary: REDIS_URL_SECONDARY, else the same server with database index + 1).',
    ].join('\n'),
  );
}

function parseEndpoint(url: string, owned: boolean, stop?: () => Promise<void>): Started {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  if (!Number.isInteger(db) || db < 0) throw new Error(`bad database index in Redis URL ${url}`);
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  return {
    url,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(parsed.port || '6379'),
    db,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    owned,
    ...(stop ? { stop } : {}),
  };
}

function withDb(url: string, db: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

/** ioredis options for an endpoint (explicit options, since with `new Redis(url, options)` the URL wins). */
export function connectionOptions(endpoint: RedisEndpoint): RedisOptions {
  return {
    host: endpoint.host,
    port: endpoint.port,
    db: endpoint.db,
    ...(endpoint.username !== undefined ? { username: endpoint.username } : {}),
    ...(endpoint.password !== undefined ? { password: endpoint.password } : {}),
  };
}

function track(client: Redis): Redis {
  clients.add(client);
  return client;
}

async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    // QUIT lets pending replies arrive; a dead server must not hang teardown, hence the timeout.
    await withTimeout(client.quit(), 2000, 'quit timed out').catch(() => undefined);
  }
  client.disconnect();
}

function waitReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onReady = (): void => {
      client.removeListener('end', onEnd);
      resolve();
    };
    const onEnd = (): void => {
      client.removeListener('ready', onReady);
      reject(new Error('client connection ended before it was ready'));
    };
    client.once('ready', onReady);
    client.once('end', onEnd);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Deletes every key under `prefix` on a server (for shared servers, which are never flushed). */
export async function deleteKeysByPrefix(options: RedisOptions, prefix: string): Promise<void> {
  const client = new Redis(options);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await client.quit().catch(() => undefined);
    client.disconnect();
  }
}
