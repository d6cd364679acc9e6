import { Command, type ChainableCommander } from 'ioredis';
import type { RedisClient } from './connections.js';
import type { QueuedCommand } from './queued-command.js';

/** One reply per command, in the order sent: the error Redis gave, or the reply. */
export type CommandReply = [error: Error | null, reply: unknown];

/**
 * Sends one connection's share of a pipeline and returns one reply per command, in order.
 * Rejects only when the round trip as a whole failed.
 */
export interface ConnectionExecutor {
  run(commands: readonly QueuedCommand[], transaction: boolean): Promise<CommandReply[]>;
}

/** Chooses an executor for a client; returns undefined to let the next factory decide. */
export type ExecutorFactory = (client: RedisClient) => ConnectionExecutor | undefined;

/**
 * One ioredis pipeline (or MULTI/EXEC) per call: one round trip. On a Cluster client this works while
 * the keys share a slot group; splitting per node is the cluster executor's job.
 */
class IoredisPipelineExecutor implements ConnectionExecutor {
  constructor(private readonly client: RedisClient) {}

  async run(commands: readonly QueuedCommand[], transaction: boolean): Promise<CommandReply[]> {
    const batch = (transaction ? this.client.multi() : this.client.pipeline()) as CommandBatch;
    // What ioredis's own call() would do, minus its per-command argument copy and options object.
    const keyPrefix = batch.options?.keyPrefix;
    const text = { keyPrefix, replyEncoding: 'utf8' as const };
    const bytes = { keyPrefix, replyEncoding: null };
    for (const command of commands) {
      const args = command.args as (string | Buffer | number)[];
      batch.sendCommand(new Command(command.name, args, command.buffer ? bytes : text));
    }
    const replies = await batch.exec();
    // exec() yields null only when a WATCHed key changed; we never WATCH here.
    if (!replies) throw new Error('transaction aborted by Redis (EXEC returned null)');
    // A reply error Redis did not give (ioredis's "Connection is closed.", "Command aborted due to
    // connection close", retries exhausted...) means the round trip itself failed, not the command.
    const lost = replies.find(([error]) => error !== null && !isReplyError(error));
    if (lost) throw lost[0];
    return replies;
  }
}

/** True for an error Redis itself answered (redis-errors' ReplyError, which ioredis uses for every reply). */
function isReplyError(error: Error): boolean {
  return error.name === 'ReplyError';
}

/** The parts of an ioredis Pipeline we use beyond its public chainable type. */
type CommandBatch = ChainableCommander & {
  readonly options?: { readonly keyPrefix?: string };
  sendCommand(command: Command): unknown;
};

const factories: ExecutorFactory[] = [];

/** Lets another executor (e.g. Redis Cluster's, split per node) handle the clients it recognises. */
export function registerExecutor(factory: ExecutorFactory): void {
  factories.unshift(factory);
}

/** The executor that sends pipelines to `client`. */
export function executorFor(client: RedisClient): ConnectionExecutor {
  for (const factory of factories) {
    const executor = factory(client);
    if (executor) return executor;
  }
  return new IoredisPipelineExecutor(client);
}
