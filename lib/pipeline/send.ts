import { connectionFor, type RedisClient } from './connections.js';
import { CommandError, ConnectionFailedError, UnknownConnectionError } from './errors.js';
import { executorFor, type CommandReply } from './executor.js';
import { describeCommand, type QueuedCommand } from './queued-command.js';

/** A failure `execute()` reports in its `PipelineError`. */
export type ExecuteFailure = CommandError | ConnectionFailedError | UnknownConnectionError;

interface ConnectionGroup {
  readonly client: RedisClient;
  readonly commands: QueuedCommand[];
  /** Position of each command in the whole queue, for error messages. */
  readonly positions: number[] | undefined;
}

/**
 * Sends a root pipeline's queue: one round trip per connection, all connections at once, and fills every
 * deferred (each connection's as soon as its replies arrive). Returns the failures; never rejects.
 */
export async function sendQueued(commands: QueuedCommand[], transaction: boolean): Promise<ExecuteFailure[]> {
  let groups: ConnectionGroup[];
  try {
    groups = groupByConnection(commands);
  } catch (error) {
    // An unknown name fails the whole execute before anything is sent.
    const failure = error as UnknownConnectionError;
    for (const command of commands) command.deferred.fail(failure);
    return [failure];
  }
  const failures: ExecuteFailure[] = [];
  await Promise.all(groups.map((group) => sendGroup(group, transaction, failures)));
  return failures;
}

function groupByConnection(commands: QueuedCommand[]): ConnectionGroup[] {
  const first = commands[0].connection;
  if (commands.every((command) => command.connection === first)) {
    return [{ client: connectionFor(first), commands, positions: undefined }];
  }
  const byName = new Map<string, { commands: QueuedCommand[]; positions: number[] }>();
  commands.forEach((command, position) => {
    let group = byName.get(command.connection);
    if (!group) byName.set(command.connection, (group = { commands: [], positions: [] }));
    group.commands.push(command);
    group.positions.push(position);
  });
  return [...byName].map(([name, group]) => ({ client: connectionFor(name), ...group }));
}

async function sendGroup(group: ConnectionGroup, transaction: boolean, failures: ExecuteFailure[]): Promise<void> {
  const { commands, positions } = group;
  const connection = commands[0].connection;
  let replies: CommandReply[];
  try {
    replies = await executorFor(group.client).run(commands, transaction);
    if (replies.length !== commands.length) {
      throw new Error(`expected ${commands.length} replies, got ${replies.length}`);
    }
    await retryUnknownScripts(group, replies, transaction);
  } catch (error) {
    const failure = new ConnectionFailedError(connection, asError(error));
    for (const command of commands) command.deferred.fail(failure);
    failures.push(failure);
    return;
  }
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    const [error, reply] = replies[i];
    if (error === null) {
      if (command.decode === undefined) {
        command.deferred.set(reply);
        continue;
      }
      try {
        command.deferred.set(command.decode(reply));
        continue;
      } catch (decodeError) {
        failCommand(command, positions ? positions[i] : i, asError(decodeError), failures);
      }
    } else {
      failCommand(command, positions ? positions[i] : i, error, failures);
    }
  }
}

/** Re-sends, in one more round trip, each EVALSHA the server did not know, as its EVAL fallback. */
async function retryUnknownScripts(group: ConnectionGroup, replies: CommandReply[], transaction: boolean): Promise<void> {
  const retried: number[] = [];
  const fallbacks: QueuedCommand[] = [];
  group.commands.forEach((command, i) => {
    const error = replies[i][0];
    if (command.fallback && error && error.message.startsWith('NOSCRIPT')) {
      retried.push(i);
      fallbacks.push({ ...command, ...command.fallback, fallback: undefined });
    }
  });
  if (fallbacks.length === 0) return;
  const again = await executorFor(group.client).run(fallbacks, transaction);
  retried.forEach((i, j) => (replies[i] = again[j]));
}

function failCommand(command: QueuedCommand, position: number, cause: Error, failures: ExecuteFailure[]): void {
  const failure = new CommandError(position, describeCommand(command.name, command.args), command.connection, cause);
  command.deferred.fail(failure);
  failures.push(failure);
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
