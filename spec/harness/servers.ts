// Binding the engine's connection registry to this run's servers, the same way in every suite.
import type { Redis } from 'ioredis';
import { connect, reset } from '../../lib/index.js';
import { newClient } from './index.js';

/** Plain clients (not bound in the registry) to write fixtures and read what is stored. */
export interface Servers {
  primary: Redis;
  secondary: Redis;
}

/**
 * Registers mocha hooks: before each test the registry holds only `default` → primary and
 * `secondaryName` → secondary. Returns raw clients, filled in once the run's servers are up.
 */
export function useServers(secondaryName: string): Servers {
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
    connect(bound.secondary, secondaryName);
  });
  after(() => reset());
  return servers;
}
