import { Pipeline, runDetached, type PipelineOptions } from './pipeline.js';

/**
 * Makes a root pipeline, or a pipeline nested over `pipe` that hands its queue up when executed.
 *
 * @example
 * function incrementAndExpire(key: string, pipe?: Pipeline): Deferred<number> {
 *   return autoexec(pipe, (p) => {
 *     const count = p.incr(key);
 *     p.expire(key, 60);
 *     return count;
 *   });
 * }
 */
export function pipeline(pipe?: Pipeline, options?: PipelineOptions): Pipeline {
  return new Pipeline(pipe, options);
}

/**
 * Runs the synchronous `fn` with a pipeline over `pipe` and executes it when `fn` returns: nested, that
 * hands the commands up; at the root, it starts the round trip (results arrive in the deferreds).
 * If `fn` throws, nothing it queued is sent and the error propagates.
 */
export function autoexec<R>(pipe: Pipeline | undefined, fn: (pipe: Pipeline) => R, options?: PipelineOptions): R {
  const p = new Pipeline(pipe, options);
  let value: R;
  try {
    value = fn(p);
  } catch (error) {
    p.discard();
    throw error;
  }
  if (value instanceof Promise) {
    p.discard();
    throw new TypeError('autoexec() needs a synchronous function: queue commands, return deferreds, do not await');
  }
  runDetached(p);
  return value;
}
