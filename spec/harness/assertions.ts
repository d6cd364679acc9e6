// Small assertion helpers every suite uses.

/** The error `fn` throws synchronously; fails the test if it does not throw (or throws a non-Error). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected a throw, nothing was thrown');
}

/** The error a promise rejects with; fails the test if it resolves (or rejects with a non-Error). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a rejection, the promise resolved');
}
