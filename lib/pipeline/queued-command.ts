import type { Deferred } from './deferred.js';

/** One argument of a Redis command as ioredis accepts it. */
export type CommandArgument = string | Buffer | number;

/** Turns a raw reply into the deferred's value; throwing fails that command only. */
export type ReplyDecoder<T> = (reply: unknown) => T;

/** A command waiting in a pipeline for its round trip. */
export interface QueuedCommand {
  /** Connection name the queuing code chose (never inherited from a parent pipeline). */
  readonly connection: string;
  /** Lower-case Redis command name. */
  readonly name: string;
  readonly args: readonly unknown[];
  /** Ask ioredis for Buffer replies instead of strings. */
  readonly buffer: boolean;
  readonly deferred: Deferred<unknown>;
  readonly decode: ReplyDecoder<unknown> | undefined;
  /** For an EVALSHA: the Lua source, loaded in the same round trip before it so Redis never answers NOSCRIPT. */
  readonly script: string | undefined;
}

/** A short text for error messages: the command name and its first argument (usually the key). */
export function describeCommand(name: string, args: readonly unknown[]): string {
  const first = args[0];
  const shown =
    typeof first === 'string' || typeof first === 'number'
      ? ` ${String(first).slice(0, 80)}`
      : Buffer.isBuffer(first)
        ? ` <${first.length} bytes>`
        : '';
  return `${name.toUpperCase()}${shown}`;
}
