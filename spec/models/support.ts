// Shared by the model specs: the connection set-up (default → primary, 'secondary' → secondary), plain
// clients to read what is stored, and helpers for errors and "nothing was queued".
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import type { Pipeline } from '../../lib/index.js';
import { useServers as bindServers, type Servers } from '../harness/servers.js';

export type { Servers } from '../harness/servers.js';
export { thrown, rejection } from '../harness/assertions.js';

/** The connection name models bind to the secondary server. */
export const SECONDARY = 'secondary';

/** Binds `default` → primary and SECONDARY → secondary before each test; returns raw clients. */
export function useServers(): Servers {
  return bindServers(SECONDARY);
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
