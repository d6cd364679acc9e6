// Shared by the model specs: the connection set-up (default → primary, 'secondary' → secondary), plain
// clients to read what is stored, and helpers for errors and "nothing was queued".
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { connect, reset, type Pipeline } from '../../lib/index.js';
import { newClient } from '../harness/index.js';

/** The connection name models bind to the secondary server. */
export const SECONDARY = 'secondary';

/** Plain clients (not the engine's) to write fixtures and read what is stored. */
export interface Servers {
  primary: Redis;
  secondary: Redis;
}

/** Hooks binding `default` → primary and SECONDARY → secondary before each test; returns raw clients. */
export function useServers(): Servers {
  const servers = {} as Servers;
  let bound: Servers | undefined;
  before(() => {
    servers.primary = newClient('primary');
    servers.secondary = newClient('secondary');
    bound = { primary: newClient('primary'), secondary: newClient('secondary') };
  });
  beforeEach(() => {
    reset();
    if (!bound) throw new Error('servers not started');
    connect(bound.primary);
    connect(bound.secondary, SECONDARY);
  });
  after(() => reset());
  return servers;
}

/** What `fn` throws synchronously; fails the test when it returns. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  expect.fail('expected a throw, the call returned');
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return error as Error;
  }
  expect.fail('expected the promise to reject, it resolved');
}

/** The first error of class `cls` in the `cause` chain of `error` (itself included); fails when absent. */
export function causeOf<E extends Error>(error: unknown, cls: new (...args: never[]) => E): E {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof cls) return e;
  }
  expect.fail(`expected a ${cls.name} in the cause chain of ${String(error)}`);
}

/** Checks that a refused write queued nothing: the pipe is empty, executing it sends nothing, the key is absent. */
export async function expectNothingQueued(pipe: Pipeline, raw: Redis, key: string): Promise<void> {
  expect(pipe.size, 'commands queued').to.equal(0);
  await pipe.execute();
  expect(await raw.exists(key), `${key} exists`).to.equal(0);
}
