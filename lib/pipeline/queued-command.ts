import { Deferred } from './deferred.js';

/** One argument of a Redis command as ioredis accepts it. */
export type CommandArgument = string | Buffer | number;

/** Turns a raw reply into the deferred's value; throwing fails that command only. */
export type ReplyDecoder<T> = (reply: unknown) => T;

/**
 * A command waiting in a pipeline for its round trip; it is also the deferred handed to the caller, so
 * a queued command costs one object, not two.
 */
export class QueuedCommand<T = unknown> extends Deferred<T> {
  constructor(
    /** Lower-case Redis command name. */
    readonly name: string,
    /** Arguments as queued; emptied once the reply arrived, so kept deferreds do not hold them. */
    public args: readonly unknown[],
    /** Connection name the queuing code chose (never inherited from a parent pipeline). */
    readonly connection: string,
    /** Ask ioredis for Buffer replies instead of strings. */
    readonly buffer: boolean,
    /** Turns the raw reply into the deferred's value; a throw fails only this command. */
    public decode: ReplyDecoder<T> | undefined,
    /** For an EVALSHA: the Lua source, loaded in the same round trip before it so Redis never answers NOSCRIPT. */
    readonly script: string | undefined,
  ) {
    super(name);
  }

  /** Drops what was only needed to send the command. */
  release(): void {
    this.args = NO_ARGS;
    this.decode = undefined;
  }
}

const NO_ARGS: readonly unknown[] = Object.freeze([]);

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
