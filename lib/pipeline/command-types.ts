import type { RedisCommander } from 'ioredis';
import type { Deferred } from './deferred.js';

declare module 'ioredis/built/utils/RedisCommander.js' {
  // Lets ioredis's own command signatures describe our methods, each returning a typed Deferred.
  interface ResultTypes<Result, Context> {
    redpipe: Deferred<Result>;
  }
}

/** Commands that make no sense queued in a redpipe pipeline (connection state, pub/sub, transactions). */
export type UnpipelinedCommand =
  | 'call'
  | 'callBuffer'
  | 'multi'
  | 'exec'
  | 'discard'
  | 'watch'
  | 'unwatch'
  | 'monitor'
  | 'quit'
  | 'reset'
  | 'subscribe'
  | 'unsubscribe'
  | 'psubscribe'
  | 'punsubscribe'
  | 'ssubscribe'
  | 'sunsubscribe';

/** Every Redis command ioredis knows, as a method that queues it and returns a typed `Deferred`. */
export type PipelineCommands = Omit<RedisCommander<{ type: 'redpipe' }>, UnpipelinedCommand>;
