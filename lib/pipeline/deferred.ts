import { RedpipeError } from '../errors.js';

/** Thrown by `Deferred.result` when the pipeline that will fill it has not executed yet. */
export class ResultNotReady extends RedpipeError {
  constructor(label: string | undefined) {
    super(
      `${label ? `${label}: ` : ''}result is not ready: the pipeline holding this command has not ` +
        'executed yet (call execute() on the root pipeline, or use autoexec)',
    );
  }
}

/** Thrown by `Deferred.set()` / `fail()` on a deferred that already holds a value or an error. */
export class DeferredAlreadySettled extends RedpipeError {
  constructor(label: string | undefined) {
    super(`${label ? `${label}: ` : ''}this deferred result was already set`);
  }
}

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

/**
 * A result that exists at once and is filled when its pipeline executes.
 * Deliberately not thenable: `await`ing one before its pipeline runs would hang silently.
 *
 * @example
 * const total = new Deferred<number>();
 * pipe.onExecute(() => total.set(a.result + b.result));
 * await pipe.execute();
 * total.result; // the sum
 */
export class Deferred<T> {
  /** What produced this result (e.g. `incr`), used in error messages. */
  label: string | undefined;
  // Few fields on purpose: a big pipeline makes one of these per command.
  #state = PENDING;
  /** The value, or the error once rejected. */
  #outcome: unknown = undefined;
  #promise: Promise<T> | undefined = undefined;
  // `unknown`, not `T`: a `(value: T) => void` field would make Deferred invariant, so a Deferred<number>
  // could not be passed where a Deferred<unknown> is expected. Only set(value: T) calls it.
  #settle: { resolve: (value: unknown) => void; reject: (error: Error) => void } | undefined = undefined;

  constructor(label?: string) {
    this.label = label;
  }

  /** True once the deferred holds a value or an error. */
  get ready(): boolean {
    return this.#state !== PENDING;
  }

  /** The value; throws `ResultNotReady` before execution, or the command's own error if it failed. */
  get result(): T {
    if (this.#state === FULFILLED) return this.#outcome as T;
    if (this.#state === REJECTED) throw this.#outcome as Error;
    throw new ResultNotReady(this.label);
  }

  /** The error this deferred failed with, if any. */
  get error(): Error | undefined {
    return this.#state === REJECTED ? (this.#outcome as Error) : undefined;
  }

  /** A promise settled with this deferred; created on first access so unobserved failures stay quiet. */
  get promise(): Promise<T> {
    if (!this.#promise) {
      if (this.#state === FULFILLED) this.#promise = Promise.resolve(this.#outcome as T);
      else if (this.#state === REJECTED) this.#promise = Promise.reject(this.#outcome as Error);
      else {
        this.#promise = new Promise<T>((resolve, reject) => {
          this.#settle = { resolve: resolve as (value: unknown) => void, reject };
        });
      }
    }
    return this.#promise;
  }

  /** Fills the deferred with its value. */
  set(value: T): void {
    if (this.#state !== PENDING) throw new DeferredAlreadySettled(this.label);
    this.#state = FULFILLED;
    this.#outcome = value;
    this.#settle?.resolve(value);
  }

  /** Fails the deferred: `result` will throw `error`. */
  fail(error: Error): void {
    if (this.#state !== PENDING) throw new DeferredAlreadySettled(this.label);
    this.#state = REJECTED;
    this.#outcome = error;
    this.#settle?.reject(error);
  }

  /** Shows state, never the value's getter side effects. */
  toString(): string {
    const state = ['pending', 'fulfilled', 'rejected'][this.#state];
    return `Deferred<${this.label ?? 'value'}>(${state})`;
  }
}

/**
 * A deferred computed from others on first read: ready when they all are, failed when one failed.
 * Lets a reusable function return one result built from several commands without a callback.
 */
class DerivedDeferred<R> extends Deferred<R> {
  #sources: readonly Deferred<unknown>[];
  #compute: () => R;
  #done = false;
  #value: R | undefined;

  constructor(sources: readonly Deferred<unknown>[], compute: () => R, label?: string) {
    super(label);
    this.#sources = sources;
    this.#compute = compute;
  }

  override get ready(): boolean {
    return this.#sources.every((source) => source.ready);
  }

  override get error(): Error | undefined {
    for (const source of this.#sources) if (source.error) return source.error;
    if (!this.ready) return undefined;
    try {
      void this.result;
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }

  override get result(): R {
    if (this.#done) return this.#value as R;
    for (const source of this.#sources) {
      if (source.error) throw source.error;
      if (!source.ready) throw new ResultNotReady(this.label ?? source.label);
    }
    this.#value = this.#compute();
    this.#done = true;
    return this.#value;
  }

  override get promise(): Promise<R> {
    return Promise.all(this.#sources.map((source) => source.promise)).then(() => this.result);
  }

  override set(): void {
    throw new DeferredAlreadySettled(`${this.label ?? 'derived result'} (derived results cannot be set)`);
  }

  override fail(): void {
    throw new DeferredAlreadySettled(`${this.label ?? 'derived result'} (derived results cannot be failed)`);
  }
}

/**
 * Makes a deferred whose value is `compute()` once every source is filled; it fails with the first
 * source's error. `compute` runs at most once, on first read.
 *
 * @example
 * const both = derive([a, b], () => a.result + b.result);
 */
export function derive<R>(sources: readonly Deferred<unknown>[], compute: () => R, label?: string): Deferred<R> {
  return new DerivedDeferred(sources, compute, label);
}
