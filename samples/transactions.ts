// Transactions: a root pipeline made with `transaction: true` sends each connection's commands as
// MULTI … EXEC, so Redis runs them as one atomic block. Nested pipelines follow their root.
import { autoexec, pipeline, type Deferred, type Pipeline } from 'redpipe';
import { printer } from './support.js';

/** Moves `amount` from one counter to another; returns the receiver's new balance. */
export function transfer(from: string, to: string, amount: number, pipe?: Pipeline): Deferred<number> {
  return autoexec(pipe, (p) => {
    p.decrby(from, amount);
    return p.incrby(to, amount);
  });
}

export const expected = ['bob received: 30 then 45', 'alice: 55 bob: 45'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const setup = pipeline();
  setup.set('balance:alice', 100);
  setup.set('balance:bob', 0);
  await setup.execute();

  const tx = pipeline(undefined, { transaction: true });
  const first = transfer('balance:alice', 'balance:bob', 30, tx);
  const second = transfer('balance:alice', 'balance:bob', 15, tx);
  const alice = tx.get('balance:alice');
  const bob = tx.get('balance:bob');
  await tx.execute(); // MULTI, 6 commands, EXEC: one round trip, applied all at once
  print('bob received:', first.result, 'then', second.result);
  print('alice:', alice.result, 'bob:', bob.result);

  return lines;
}
