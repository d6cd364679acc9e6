// Mocha global fixtures and root hooks, loaded once per run by .mocharc.yml
// (`require: 'build/spec/harness/hooks.js'`).
import { startHarness, stopHarness } from './index.js';

let setupError: unknown;

/** Mocha global setup: starts this run's primary and secondary Redis once, before any suite runs. */
export async function mochaGlobalSetup(): Promise<void> {
  try {
    await startHarness();
  } catch (err) {
    // Not rethrown here: mocha would then skip the whole run without a summary line. The root
    // hook below rethrows it, so every run without Redis FAILS visibly instead.
    setupError = err;
  }
}

/** Mocha global teardown: closes clients and proxies, then stops the servers the harness started. */
export async function mochaGlobalTeardown(): Promise<void> {
  await stopHarness();
}

/** Root hooks: fail the run up front if Redis could not be provided. */
export const mochaHooks: Mocha.RootHookObject = {
  beforeAll(): void {
    if (setupError) throw setupError;
  },
};
