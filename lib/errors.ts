/** Base class of every error redpipe throws, so callers can catch ours apart from others. */
export class RedpipeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
