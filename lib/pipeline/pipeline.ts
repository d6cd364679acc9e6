import { DEFAULT_CONNECTION } from './connections.js';
import { Deferred } from './deferred.js';
import { PipelineError, PipelineUsageError } from './errors.js';
import { QueuedCommand, type CommandArgument, type ReplyDecoder } from './queued-command.js';
import { sendQueued } from './send.js';
import type { PipelineCommands } from './command-types.js';

/** Options of `pipeline()`. */
export interface PipelineOptions {
  /** Connection the commands queued on this pipeline go to; never inherited from a parent. */
  name?: string;
  /** Wrap each connection's commands in MULTI/EXEC (decided by the root pipeline). */
  transaction?: boolean;
  /** Execute when disposed (`using p = pipeline(pipe, { autoexec: true })`). */
  autoexec?: boolean;
}

/** How a keyspace or model queues one command with its own reply decoding. */
export interface QueueOptions<R> {
  /** Connection for this command, when it differs from the pipeline's own (keyspaces name theirs). */
  connection?: string;
  /** Ask for Buffer replies (binary values). */
  buffer?: boolean;
  /** Turns the raw reply into the deferred's value; a throw fails only this command. */
  decode?: ReplyDecoder<R>;
  /** For an EVALSHA: the script's source, loaded (SCRIPT LOAD) earlier in the same round trip. */
  script?: string;
}

/**
 * Queues commands and hands back deferred results at once. A root pipeline sends its queue on
 * `execute()`; a nested one (made over a parent) hands its queue and callbacks to that parent.
 *
 * @example
 * const pipe = pipeline();
 * const foo = pipe.incr('foo');
 * await pipe.execute();
 * foo.result; // 1
 */
export class Pipeline {
  /** The connection name this pipeline's own commands go to. */
  readonly connection: string;
  /** The pipeline this one hands its queue to, if nested. */
  readonly parent: Pipeline | undefined;
  /** Whether the root sends each connection's commands as MULTI/EXEC. */
  readonly transaction: boolean;
  /** Whether disposing this pipeline executes it. */
  readonly autoexec: boolean;
  #commands: QueuedCommand[] = [];
  #callbacks: (() => void)[] = [];

  constructor(parent?: Pipeline, options: PipelineOptions = {}) {
    this.parent = parent;
    this.connection = options.name ?? DEFAULT_CONNECTION;
    this.transaction = parent ? parent.transaction : options.transaction === true;
    this.autoexec = options.autoexec === true;
  }

  /** Number of commands waiting in this pipeline (not counting its parent's). */
  get size(): number {
    return this.#commands.length;
  }

  /** Queues one command with optional reply decoding; the building block of keyspaces and models. */
  queue<R = unknown>(name: string, args: readonly unknown[], options?: QueueOptions<R>): Deferred<R> {
    const command = options === undefined
      ? new QueuedCommand<R>(name, args, this.connection, false, undefined, undefined)
      : new QueuedCommand<R>(name, args, options.connection ?? this.connection, options.buffer === true, options.decode, options.script);
    this.#commands.push(command as QueuedCommand);
    return command;
  }

  /** Queues a command built by the caller (keyspaces build theirs directly, sparing an options object). */
  enqueue<R>(command: QueuedCommand<R>): QueuedCommand<R> {
    this.#commands.push(command as QueuedCommand);
    return command;
  }

  /** Queues any Redis command by name; type the reply with `R`. */
  call<R = unknown>(command: string, ...args: CommandArgument[]): Deferred<R> {
    return this.queue<R>(command.toLowerCase(), args);
  }

  /** Like `call`, with Buffer replies. */
  callBuffer<R = unknown>(command: string, ...args: CommandArgument[]): Deferred<R> {
    return this.queue<R>(command.toLowerCase(), args, { buffer: true });
  }

  /** Runs `callback` after the root pipeline executed successfully, after every deferred is filled. */
  onExecute(callback: () => void): void {
    this.#callbacks.push(callback);
  }

  /**
   * A root pipeline sends its queue (once: the queue is cleared) and fills the deferreds; it rejects
   * with `PipelineError` if any command failed, and then runs no callback. A nested pipeline only hands
   * its commands and callbacks to its direct parent.
   */
  async execute(): Promise<void> {
    if (this.parent) {
      this.#handUp(this.parent);
      return;
    }
    const commands = this.#commands;
    const callbacks = this.#callbacks;
    this.#commands = [];
    this.#callbacks = [];
    if (commands.length > 0) {
      const failures = await sendQueued(commands, this.transaction);
      if (failures.length > 0) throw new PipelineError(failures);
    }
    for (const callback of callbacks) callback();
  }

  /** Drops everything queued here without sending it. */
  discard(): void {
    this.#commands = [];
    this.#callbacks = [];
  }

  /** `using p = pipeline(pipe, { autoexec: true })` executes at the end of the block. */
  [Symbol.dispose](): void {
    if (!this.autoexec) return;
    runDetached(this);
  }

  #handUp(parent: Pipeline): void {
    const commands = this.#commands;
    const callbacks = this.#callbacks;
    this.#commands = [];
    this.#callbacks = [];
    for (const command of commands) parent.#commands.push(command);
    for (const callback of callbacks) parent.#callbacks.push(callback);
  }
}

// Methods for every Redis command are installed on the prototype by command-methods.ts.
export interface Pipeline extends PipelineCommands {}

/**
 * Checks what a caller passed where a pipe goes: a Pipeline or nothing. Anything else (options put in the
 * pipe's place, a raw ioredis pipeline) would otherwise fail later with an obscure TypeError.
 */
export function checkPipe(pipe: unknown, where: string): Pipeline | undefined {
  if (pipe === undefined || pipe instanceof Pipeline) return pipe;
  throw new PipelineUsageError(
    `${where}: expected a redpipe Pipeline (from pipeline()) or nothing where the pipe goes, got ${describe(pipe)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'a plain object';
}

/**
 * Executes a pipeline whose caller will not await it. Command failures already live in their
 * deferreds; anything else (a throwing callback) is re-raised as an unhandled rejection, never lost.
 */
export function runDetached(pipe: Pipeline): void {
  if (pipe.parent) {
    void pipe.execute();
    return;
  }
  pipe.execute().catch((error: unknown) => {
    if (error instanceof PipelineError) return;
    throw error;
  });
}
