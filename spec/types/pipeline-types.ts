// Compile-only type spec of the pipeline layer: `npm run typecheck:types` (tsc -p spec/types, noEmit).
// Nothing here runs. Each `Equals` check fails to compile if a type drifts, and each `@ts-expect-error`
// line fails to compile if it stops being an error (tsc reports an unused @ts-expect-error).
import type { Redis } from 'ioredis';
import { autoexec, connect, Deferred, derive, pipeline, type Pipeline } from '../../lib/index.js';

/** true only when A and B are the same type (not merely mutually assignable through `any`). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const pipe: Pipeline;
declare const client: Redis;

// ---- command methods infer the deferred's type from ioredis's own signatures ----
const incr = pipe.incr('k');
export const incrIsNumber: Equals<typeof incr, Deferred<number>> = true;
const get = pipe.get('k');
export const getIsNullableString: Equals<typeof get, Deferred<string | null>> = true;
const hgetall = pipe.hgetall('h');
export const hgetallIsRecord: Equals<typeof hgetall, Deferred<Record<string, string>>> = true;
const set = pipe.set('k', 'v');
export const setIsOk: Equals<typeof set, Deferred<'OK'>> = true;
const getBuffer = pipe.getBuffer('k');
export const getBufferIsBuffer: Equals<typeof getBuffer, Deferred<Buffer | null>> = true;
const hset = pipe.hset('h', { a: '1', b: 2 });
export const hsetIsNumber: Equals<typeof hset, Deferred<number>> = true;
const blpop = pipe.blpop('list', 1);
export const blpopIsPair: Equals<typeof blpop, Deferred<[string, string] | null>> = true;
const lrange = pipe.lrange('l', 0, -1);
export const lrangeIsStrings: Equals<typeof lrange, Deferred<string[]>> = true;

// ---- the generic call() ----
const typedCall = pipe.call<number>('incrby', 'k', 5);
export const callIsTyped: Equals<typeof typedCall, Deferred<number>> = true;
const untypedCall = pipe.call('object', 'encoding', 'k');
export const callDefaultsToUnknown: Equals<typeof untypedCall, Deferred<unknown>> = true;
const bufferCall = pipe.callBuffer<Buffer>('get', Buffer.from('k'));
export const callBufferIsTyped: Equals<typeof bufferCall, Deferred<Buffer>> = true;

// ---- Deferred members ----
export const resultIsNumber: Equals<typeof incr.result, number> = true;
export const promiseIsPromise: Equals<typeof incr.promise, Promise<number>> = true;
export const readyIsBoolean: Equals<typeof incr.ready, boolean> = true;
export const errorIsError: Equals<typeof incr.error, Error | undefined> = true;
const made = new Deferred<number>();
made.set(1);
export const executeIsVoid: Equals<ReturnType<Pipeline['execute']>, Promise<void>> = true;

// ---- pipeline() and autoexec() ----
const root = pipeline();
export const pipelineIsPipeline: Equals<typeof root, Pipeline> = true;
const nested = pipeline(root, { name: 'other', autoexec: true, transaction: false });
export const nestedIsPipeline: Equals<typeof nested, Pipeline> = true;
const viaAutoexec = autoexec(undefined, (p) => p.incr('k'));
export const autoexecReturnsFnValue: Equals<typeof viaAutoexec, Deferred<number>> = true;
const tuple = autoexec(root, (p) => [p.incr('a'), p.get('b')] as const);
export const autoexecKeepsTuples: Equals<typeof tuple, readonly [Deferred<number>, Deferred<string | null>]> = true;

// ---- a Deferred is covariant: it can be collected with others (was invariant before the fix) ----
export const collected: Deferred<unknown>[] = [pipe.incr('k'), pipe.get('k'), pipe.hgetall('h')];
export const widened: Deferred<string> = pipe.set('k', 'v');
export const reusable = (p?: Pipeline): Deferred<number | null> => autoexec(p, (q) => q.incr('k'));
const [a, b] = [pipe.incr('a'), pipe.get('b')];
const derived = derive([a, b], () => a.result + (b.result ?? '').length);
export const deriveTakesTypedSources: Equals<typeof derived, Deferred<number>> = true;

// ---- misuse fails to compile ----
// @ts-expect-error a bigint is not a key
pipe.incr(42n);
// @ts-expect-error a number is not a key (ioredis's RedisKey is string | Buffer)
pipe.incr(42);
// @ts-expect-error the key is required
pipe.incr();
// @ts-expect-error EXPIRE's seconds are number | string, never a boolean
pipe.expire('k', true);
// @ts-expect-error EXPIRE's option is NX | XX | GT | LT
pipe.expire('k', 60, 'ZZ');
// @ts-expect-error HSET field values are string | Buffer | number
pipe.hset('h', 'f', { nested: true });
// @ts-expect-error the result of INCR is a number, not a string
export const incrAsString: string = pipe.incr('k').result;
// @ts-expect-error GET may be null
export const getLength: number = pipe.get('k').result.length;
// @ts-expect-error .result is read-only
incr.result = 2;
// @ts-expect-error .ready is read-only
incr.ready = true;
// @ts-expect-error a Deferred<number> is set with a number
made.set('x');
// @ts-expect-error nor may a command's deferred be set with another type
incr.set('1');
// @ts-expect-error call() arguments are string | Buffer | number
pipe.call('get', { key: 'k' });
// @ts-expect-error nor null
pipe.call('get', null);
// @ts-expect-error the command name is a string
pipe.call(42);
// @ts-expect-error a typed call() result keeps its type
export const callAsString: string = pipe.call<number>('incr', 'k').result;
// @ts-expect-error MULTI belongs to the root's `transaction` option, not to a method
pipe.multi();
// @ts-expect-error EXEC too
pipe.exec();
// @ts-expect-error WATCH is connection state: not queued in a pipeline
pipe.watch('k');
// @ts-expect-error pub/sub is not pipelined
pipe.subscribe('channel');
// @ts-expect-error a connection name is a string
pipeline(undefined, { name: 42 });
// @ts-expect-error unknown option
pipeline(undefined, { autocommit: true });
// @ts-expect-error autoexec's function receives a Pipeline, not a client
autoexec(undefined, (p: Redis) => p.incr('k'));
// @ts-expect-error connect() takes an ioredis client
connect('redis://localhost:6379');
connect(client, 'users');
