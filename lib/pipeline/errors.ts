import { RedpipeError } from '../errors.js';

/** Thrown by `execute()` when a command names a connection that was never `connect()`ed. */
export class UnknownConnectionError extends RedpipeError {
  constructor(readonly connection: string, known: readonly string[]) {
    super(
      `no Redis connection named '${connection}' (connected: ${
        known.length ? known.map((n) => `'${n}'`).join(', ') : 'none'
      }); call connect(client, '${connection}') first`,
    );
  }
}

/** Thrown by `connect()` when another client already holds the name. */
export class ConnectionNameTakenError extends RedpipeError {
  constructor(readonly connection: string) {
    super(
      `connection name '${connection}' is already bound to another client; ` +
        `disconnect('${connection}') first or pick another name`,
    );
  }
}

/** Fills the deferred of a command that Redis rejected, or whose reply could not be decoded. */
export class CommandError extends RedpipeError {
  constructor(
    /** Position of the command in the executed queue. */
    readonly index: number,
    /** The command, e.g. `INCR k`. */
    readonly command: string,
    readonly connection: string,
    cause: Error,
  ) {
    super(`command #${index} ${command} on connection '${connection}' failed: ${cause.message}`, {
      cause,
    });
  }
}

/** Fills every deferred of a connection whose round trip failed as a whole (socket closed, EXECABORT…). */
export class ConnectionFailedError extends RedpipeError {
  constructor(readonly connection: string, cause: Error) {
    super(`every command sent to connection '${connection}' failed: ${cause.message}`, { cause });
  }
}

/** Rejects `execute()` when any command failed; lists every failure (index, command, connection, cause). */
export class PipelineError extends RedpipeError {
  constructor(readonly failures: readonly (CommandError | ConnectionFailedError | UnknownConnectionError)[]) {
    const shown = failures.slice(0, 20).map((f) => `  - ${f.message}`);
    if (failures.length > shown.length) shown.push(`  - … and ${failures.length - shown.length} more`);
    super(`pipeline execute failed (${failures.length} failure${failures.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
  }
}

/** Thrown when a pipeline is used in a way that cannot work (e.g. a scan inside a pipeline). */
export class PipelineUsageError extends RedpipeError {}
