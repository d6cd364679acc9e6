// Shared helpers of the keyspace acceptance specs: connections in hooks, unique prefixes, raw clients,
// and "refused when queued, nothing sent" assertions. Only the public API and the harness are used.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { connect, reset, pipeline, type Deferred, type Pipeline } from '../../lib/index.js';
import { newClient, startProxy, clientThroughProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

export interface Clients {
  /** Raw client of the primary server (the 'default' connection). */
  raw: Redis;
  /** Raw client of the secondary server (the 'users' connection). */
  rawUsers: Redis;
}

/**
 * Registers hooks: the global registry is reset and 'default' (primary) plus 'users' (secondary)
 * connected before each test, reset after. Returns raw clients for checking what Redis holds.
 */
export function useConnections(): Clients {
  const clients = {} as Clients;
  let lib: Redis;
  let libUsers: Redis;
  before(() => {
    clients.raw = newClient('primary');
    clients.rawUsers = newClient('secondary');
    lib = newClient('primary');
    libUsers = newClient('secondary');
  });
  beforeEach(() => {
    reset();
    connect(lib, 'default');
    connect(libUsers, 'users');
  });
  afterEach(() => reset());
  return clients;
}

/** A proxy-counted 'default' connection, replacing the one `useConnections` made, for round trip counts. */
export async function proxiedDefault(): Promise<RoundTripProxy> {
  const proxy = await startProxy('primary');
  const client = await clientThroughProxy(proxy);
  reset();
  connect(client, 'default');
  return proxy;
}

/** A unique keyspace prefix for one test. */
export function prefix(name = 'ks'): string {
  return uniqueKey(`acc-${name}`);
}

/** Runs `fn` with a pipe and executes it (one round trip per connection). */
export async function inPipe<R>(fn: (pipe: Pipeline) => R): Promise<R> {
  const pipe = pipeline();
  const out = fn(pipe);
  await pipe.execute();
  return out;
}

/** Awaits a deferred of a call made without a pipe. */
export function settle<T>(d: Deferred<T>): Promise<T> {
  return d.promise;
}

/** Error class lookalike for `expectRefused`. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Asserts that `queue(pipe)` throws `errorClass` synchronously, that nothing was queued on the pipe, and
 * that executing the pipe afterwards sends nothing (proxy round trips stay 0).
 */
export async function expectRefused(
  errorClass: ErrorClass,
  queue: (pipe: Pipeline) => unknown,
  proxy?: RoundTripProxy,
): Promise<Error> {
  const pipe = pipeline();
  let caught: unknown;
  try {
    queue(pipe);
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected the call to throw when queued').to.be.instanceOf(errorClass);
  expect(pipe.size, 'nothing queued').to.equal(0);
  await pipe.execute();
  if (proxy) expect(proxy.roundTrips, 'nothing sent').to.equal(0);
  return caught as Error;
}

/** Asserts that an async iteration (or the call starting it) fails with `errorClass`. */
export async function expectIterationRefused(errorClass: ErrorClass, start: () => AsyncIterable<unknown>): Promise<void> {
  let caught: unknown;
  try {
    for await (const _ of start()) {
      // nothing: the first step must fail
    }
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected the scan to be refused').to.be.instanceOf(errorClass);
}

/** Collects an async iterable. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
