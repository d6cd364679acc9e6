// What goes wrong, and which error tells you so. Every class below extends RedpipeError.
import {
  autoexec,
  CommandError,
  connect,
  connectionFor,
  ConnectionFailedError,
  ConnectionNameTakenError,
  Deferred,
  DeferredAlreadySettled,
  pipeline,
  PipelineError,
  RedpipeError,
  ResultNotReady,
  UnknownConnectionError,
} from 'redpipe';
import { printer } from './support.js';

export const expected = [
  'before execute: ResultNotReady',
  'execute rejected: PipelineError with 1 failure(s)',
  "  command #1 INCR greeting on connection 'default' failed: ERR value is not an integer or out of range",
  'the other commands still ran: greeting = hello',
  'count.result throws CommandError for #1 INCR greeting',
  "unknown name: UnknownConnectionError for 'archive'",
  'aborted transaction: ConnectionFailedError; greeting is still hello',
  "taken name: ConnectionNameTakenError for 'users'",
  'set twice: DeferredAlreadySettled',
  'async autoexec: TypeError',
  'all redpipe errors: true',
];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();
  const caught: unknown[] = [];

  // ResultNotReady: the pipeline has not executed yet.
  const pipe = pipeline();
  pipe.set('greeting', 'hello');
  const count = pipe.incr('greeting'); // Redis will refuse: 'hello' is not an integer
  const greeting = pipe.get('greeting');
  try {
    count.result;
  } catch (error) {
    if (error instanceof ResultNotReady) print('before execute:', error.name);
    caught.push(error);
  }

  // CommandError in a PipelineError: one bad command fails its own deferred, the rest are filled,
  // and execute() rejects once, listing every failed command.
  try {
    await pipe.execute();
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    print('execute rejected:', error.name, `with ${error.failures.length} failure(s)`);
    for (const failure of error.failures) print(' ', failure.message);
    caught.push(error);
  }
  print('the other commands still ran: greeting =', greeting.result);
  try {
    count.result;
  } catch (error) {
    if (error instanceof CommandError) print('count.result throws', error.name, `for #${error.index}`, error.command);
    caught.push(error);
  }

  // UnknownConnectionError: a name nobody connect()ed fails at execute, before anything is sent.
  const archive = pipeline(undefined, { name: 'archive' });
  const old = archive.get('greeting');
  await archive.execute().catch((error: unknown) => caught.push(error));
  if (old.error instanceof UnknownConnectionError) print('unknown name:', old.error.name, `for '${old.error.connection}'`);

  // ConnectionFailedError: the whole round trip of a connection failed, here because Redis
  // discarded a transaction (EXECABORT) that held a command it does not know.
  const tx = pipeline(undefined, { transaction: true });
  const saved = tx.set('greeting', 'bye');
  tx.call('no-such-command');
  await tx.execute().catch((error: unknown) => caught.push(error));
  const check = pipeline();
  const still = check.get('greeting');
  await check.execute();
  if (saved.error instanceof ConnectionFailedError) {
    print('aborted transaction:', `${saved.error.name};`, 'greeting is still', still.result);
  }

  // ConnectionNameTakenError: a name is bound to one client (the same client under it again is fine).
  connect(connectionFor('users'), 'users');
  try {
    connect(connectionFor('messages'), 'users');
  } catch (error) {
    if (error instanceof ConnectionNameTakenError) print('taken name:', error.name, `for '${error.connection}'`);
    caught.push(error);
  }

  // DeferredAlreadySettled: a deferred is filled once.
  const total = new Deferred<number>();
  total.set(1);
  try {
    total.set(2);
  } catch (error) {
    if (error instanceof DeferredAlreadySettled) print('set twice:', error.name);
    caught.push(error);
  }

  // autoexec needs a synchronous function: queue, return deferreds, never await inside.
  try {
    autoexec(undefined, async (p) => p.get('greeting'));
  } catch (error) {
    if (error instanceof TypeError) print('async autoexec:', error.name);
  }

  print('all redpipe errors:', caught.length === 7 && caught.every((error) => error instanceof RedpipeError));
  return lines;
}
