// Shared hooks for the pipeline acceptance suites: a fresh connection registry for every test.
import type { Redis } from 'ioredis';
import { connect, reset } from '../../lib/index.js';
import { newClient } from '../harness/index.js';

export interface Clients {
  primary: Redis;
  secondary: Redis;
}

/** Registers hooks: one client per server for the file, `reset()` + `connect(primary)` around every test. */
export function withConnections(): Clients {
  const clients = {} as Clients;
  before(() => {
    clients.primary = newClient('primary');
    clients.secondary = newClient('secondary');
  });
  beforeEach(() => {
    reset();
    connect(clients.primary);
  });
  afterEach(() => reset());
  return clients;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles `p` and returns its error (fails if it resolved). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
