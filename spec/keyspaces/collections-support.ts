// Shared by the set and list keyspace specs: the four ways every command is run (default connection on the
// primary, a named connection bound to the secondary; each one round trip per call or pipelined), and
// helpers to check that refused input sent nothing.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { connect, pipeline, reset, type Deferred, type Pipeline } from '../../lib/pipeline/index.js';
import { clientThroughProxy, startProxy, type RoundTripProxy, type Which } from '../harness/index.js';
import { useServers as bindServers, type Servers } from '../harness/servers.js';
import { thrown } from '../harness/assertions.js';

export type { Servers } from '../harness/servers.js';
export { thrown, rejection } from '../harness/assertions.js';

/** Binds `default` → primary and NAMED → secondary before each test; returns raw clients. */
export function useServers(): Servers {
  return bindServers(NAMED);
}

/** How a suite runs its commands. */
export interface Mode {
  readonly label: string;
  /** The keyspace's `static connection` (undefined: 'default'). */
  readonly connection: string | undefined;
  /** The server that connection is bound to. */
  readonly which: Which;
  readonly pipelined: boolean;
}

/** Connection name the named-connection modes bind to the secondary server. */
export const NAMED = 'collections2';

export const MODES: readonly Mode[] = [
  { label: 'default connection (primary), one round trip per call', connection: undefined, which: 'primary', pipelined: false },
  { label: 'default connection (primary), pipelined', connection: undefined, which: 'primary', pipelined: true },
  { label: `named connection '${NAMED}' (secondary), one round trip per call`, connection: NAMED, which: 'secondary', pipelined: false },
  { label: `named connection '${NAMED}' (secondary), pipelined`, connection: NAMED, which: 'secondary', pipelined: true },
];

type Results<T extends readonly Deferred<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Deferred<infer R> ? R : never };

/**
 * Runs the commands `build` queues, as `mode` says: pipelined (checked: nothing sent and nothing ready
 * before execute, one queued command per deferred), or each call its own round trip. Resolves to the
 * results in order.
 */
export async function run<const T extends readonly Deferred<unknown>[]>(
  mode: Mode,
  build: (pipe: Pipeline | undefined) => T,
): Promise<Results<T>> {
  const pipe = mode.pipelined ? pipeline() : undefined;
  const deferreds = build(pipe);
  if (pipe) {
    expect(pipe.size, 'one queued command per deferred').to.equal(deferreds.length);
    expect(deferreds.some((d) => d.ready), 'nothing ready before execute').to.equal(false);
    await pipe.execute();
  }
  const values = await Promise.all(deferreds.map((d) => d.promise));
  return values as unknown as Results<T>;
}

/** Expects `key` on the mode's server and absent from the other one. */
export async function expectOnlyOn(servers: Servers, mode: Mode, key: string): Promise<void> {
  const other = mode.which === 'primary' ? servers.secondary : servers.primary;
  expect(await servers[mode.which].exists(key), `${key} on the ${mode.which} server`).to.equal(1);
  expect(await other.exists(key), `${key} not on the other server`).to.equal(0);
}

/** A proxy-backed default connection, to count round trips of refused calls. */
export interface Counted {
  proxy: RoundTripProxy;
  client: Redis;
}

/** Binds `default` to a client through a round-trip-counting proxy (before each test). */
export function useCountedConnection(): Counted {
  const counted = {} as Counted;
  before(async () => {
    counted.proxy = await startProxy('primary');
    counted.client = await clientThroughProxy(counted.proxy);
  });
  beforeEach(() => {
    reset();
    connect(counted.client);
    counted.proxy.reset();
  });
  after(() => reset());
  return counted;
}

/** A call that must be refused when queued: the error class it throws, with or without a pipe. */
export interface Refusal {
  readonly label: string;
  readonly error: new (...args: never[]) => Error;
  readonly call: (pipe: Pipeline | undefined) => unknown;
}

/** One test per refusal: it throws its error with and without a pipe, queues nothing and sends nothing. */
export function itRefusesEach(counted: Counted, cases: readonly Refusal[]): void {
  for (const { label, error, call } of cases) {
    it(`${label}: throws ${error.name}, queues and sends nothing`, async () => {
      expect(thrown(() => call(undefined))).to.be.instanceOf(error);
      const pipe = pipeline();
      expect(thrown(() => call(pipe))).to.be.instanceOf(error);
      expect(pipe.size).to.equal(0);
      await pipe.execute();
      expect(counted.proxy.roundTrips).to.equal(0);
    });
  }
}

/** `prefix{id}`, spelled out (not through the library) so the tests check the key format. */
export function rawKey(cls: { keyspace: string | undefined }, id: string): string {
  return `${String(cls.keyspace)}{${id}}`;
}

/** Sorts hex renderings of Buffers, to compare binary members regardless of order. */
export function hexes(values: readonly Buffer[]): string[] {
  return values.map((value) => {
    expect(Buffer.isBuffer(value), 'a Buffer').to.equal(true);
    return value.toString('hex');
  }).sort();
}

/** Sorted copy (sets come back in arbitrary order). */
export function sorted<T>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
