import './command-methods.js';

export { Deferred, ResultNotReady, DeferredAlreadySettled, derive } from './deferred.js';
export { Pipeline, checkPipe, type PipelineOptions, type QueueOptions } from './pipeline.js';
export { pipeline, autoexec } from './autoexec.js';
export { connect, disconnect, reset, connectionFor, connectionNames, DEFAULT_CONNECTION, type RedisClient } from './connections.js';
export {
  CommandError,
  ConnectionFailedError,
  ConnectionNameTakenError,
  PipelineError,
  PipelineUsageError,
  UnknownConnectionError,
} from './errors.js';
export { registerExecutor, type ConnectionExecutor, type ExecutorFactory, type CommandReply } from './executor.js';
export type { CommandArgument, ReplyDecoder, QueuedCommand } from './queued-command.js';
export type { PipelineCommands, UnpipelinedCommand } from './command-types.js';
export type { ExecuteFailure } from './send.js';
