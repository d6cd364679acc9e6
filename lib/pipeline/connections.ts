import type { Cluster, Redis } from 'ioredis';
import { ConnectionNameTakenError, UnknownConnectionError } from './errors.js';

/** A client redpipe can send pipelines to. */
export type RedisClient = Redis | Cluster;

/** The connection name used when none is given. */
export const DEFAULT_CONNECTION = 'default';

const clients = new Map<string, RedisClient>();

/**
 * Binds an ioredis client to a connection name (once, at start-up). The same client may hold several names.
 *
 * @example
 * connect(new Redis(6379), 'users');
 */
export function connect(client: RedisClient, name: string = DEFAULT_CONNECTION): void {
  const existing = clients.get(name);
  if (existing && existing !== client) throw new ConnectionNameTakenError(name);
  clients.set(name, client);
}

/** Unbinds a connection name (the client itself is left open: it is the caller's). */
export function disconnect(name: string = DEFAULT_CONNECTION): void {
  clients.delete(name);
}

/** Unbinds every connection name. */
export function reset(): void {
  clients.clear();
}

/** The client bound to `name`, or throws `UnknownConnectionError`. */
export function connectionFor(name: string): RedisClient {
  const client = clients.get(name);
  if (!client) throw new UnknownConnectionError(name, [...clients.keys()]);
  return client;
}

/**
 * The `keyPrefix` ioredis puts before every key argument of this client's commands ('' without one).
 * Keys in replies (SCAN, BLPOP…) carry it and SCAN MATCH patterns need it; ioredis adds it nowhere
 * else. A Cluster copies `redisOptions.keyPrefix` into its own `options.keyPrefix` when constructed,
 * and prefixes with that one, so it is the one read here too.
 */
export function keyPrefixOf(client: RedisClient): string {
  return client.options.keyPrefix ?? '';
}

/** `key` from a reply without the client's `prefix`, or undefined when it lacks the prefix (a foreign key). */
export function stripKeyPrefix(prefix: string, key: string): string | undefined;
export function stripKeyPrefix(prefix: string, key: Buffer): Buffer | undefined;
export function stripKeyPrefix(prefix: string, key: string | Buffer): string | Buffer | undefined;
export function stripKeyPrefix(prefix: string, key: string | Buffer): string | Buffer | undefined {
  if (prefix === '') return key;
  if (typeof key === 'string') return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
  const bytes = Buffer.from(prefix); // ioredis sends the prefix as UTF-8, like the string keys it prefixes
  return key.length >= bytes.length && bytes.equals(key.subarray(0, bytes.length)) ? key.subarray(bytes.length) : undefined;
}

/** The connection names bound now. */
export function connectionNames(): string[] {
  return [...clients.keys()];
}
