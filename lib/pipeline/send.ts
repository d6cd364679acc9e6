import { connectionFor, type RedisClient } from './connections.js';
import { CommandError, ConnectionFailedError, UnknownConnectionError } from './errors.js';
import { executorFor, type CommandReply } from './executor.js';
import { describeCommand, QueuedCommand } from './queued-command.js';

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
    for (const command of commands) if (!command.ready) command.fail(failure);
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
    const scripts = withScriptsLoaded(commands);
    const sent = scripts ? scripts.sent : commands;
    replies = await executorFor(group.client).run(sent, transaction);
    if (replies.length !== sent.length) throw new Error(`expected ${sent.length} replies, got ${replies.length}`);
    if (scripts) replies = withoutLoadReplies(commands, replies, scripts.loads);
  } catch (error) {
    const failure = new ConnectionFailedError(connection, asError(error));
    for (const command of commands) if (!command.ready) command.fail(failure);
    failures.push(failure);
    return;
  }
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    const [error, reply] = replies[i];
    if (command.ready) {
      // The caller filled this command's deferred by hand before the reply came: theirs stays, and the
      // other commands must still be filled.
    } else if (error !== null) {
      failCommand(command, positions ? positions[i] : i, error, failures);
    } else if (command.decode === undefined) {
      command.set(reply);
    } else {
      try {
        command.set(command.decode(reply));
      } catch (decodeError) {
        failCommand(command, positions ? positions[i] : i, asError(decodeError), failures);
      }
    }
    command.release();
  }
}

/**
 * Puts a SCRIPT LOAD before the first EVALSHA of each script that came with its source, so the EVALSHA
 * cannot meet NOSCRIPT and keeps its place in the order (a retry after the round trip would not).
 */
function withScriptsLoaded(commands: QueuedCommand[]): { sent: QueuedCommand[]; loads: Map<number, string> } | undefined {
  if (!commands.some((command) => command.script !== undefined)) return undefined;
  const sent: QueuedCommand[] = [];
  const loads = new Map<number, string>();
  const loaded = new Set<string>();
  for (const command of commands) {
    const { script } = command;
    if (script !== undefined && !loaded.has(script)) {
      loaded.add(script);
      loads.set(sent.length, script);
      sent.push(new QueuedCommand('script', ['LOAD', script], command.connection, false, undefined, undefined));
    }
    sent.push(command);
  }
  return { sent, loads };
}

/** Drops the SCRIPT LOAD replies; a script that failed to load fails its EVALSHAs with the compile error. */
function withoutLoadReplies(commands: QueuedCommand[], replies: CommandReply[], loads: Map<number, string>): CommandReply[] {
  const loadErrors = new Map<string, Error>();
  const kept: CommandReply[] = [];
  replies.forEach((reply, i) => {
    const script = loads.get(i);
    if (script === undefined) kept.push(reply);
    else if (reply[0]) loadErrors.set(script, reply[0]);
  });
  if (loadErrors.size === 0) return kept;
  return kept.map((reply, i) => {
    const script = commands[i].script;
    const error = script === undefined ? undefined : loadErrors.get(script);
    return error ? [error, null] : reply;
  });
}

function failCommand(command: QueuedCommand, position: number, cause: Error, failures: ExecuteFailure[]): void {
  const failure = new CommandError(position, describeCommand(command.name, command.args), command.connection, cause);
  command.fail(failure);
  failures.push(failure);
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
