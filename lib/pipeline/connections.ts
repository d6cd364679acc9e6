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

/** The connection names bound now. */
export function connectionNames(): string[] {
  return [...clients.keys()];
}
