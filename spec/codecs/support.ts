import { expect } from 'chai';
import { type Codec, DecodeError, InvalidValueError } from '../../lib/codecs/index.js';

/** Number of runs for the fast-check properties of this folder. */
export const RUNS = { numRuns: 300 };

/**
 * Encodes then decodes `value`, both from the encoded form as given and as a Buffer reply (what a
 * reader asking for Buffer replies sees), checks both agree, and returns the decoded value.
 */
export function roundTrip<T>(codec: Codec<T>, value: T): T {
  const encoded = codec.encode(value);
  const fromReply = codec.decode(encoded);
  const asBuffer = typeof encoded === 'string' ? Buffer.from(encoded, 'utf8') : encoded;
  const fromBuffer = codec.decode(asBuffer);
  expect(fromBuffer).to.deep.equal(fromReply);
  return fromReply;
}

/** Runs `fn`, expects an {@link InvalidValueError} from `codec` whose message contains every `parts`. */
export function expectInvalid(fn: () => unknown, codec: string, ...parts: string[]): InvalidValueError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an InvalidValueError').to.be.instanceOf(InvalidValueError);
  const error = caught as InvalidValueError;
  expect(error.codec).to.equal(codec);
  for (const part of parts) expect(error.message).to.include(part);
  return error;
}

/** Runs `fn`, expects a {@link DecodeError} from `codec` whose message contains every `parts`. */
export function expectDecodeError(fn: () => unknown, codec: string, ...parts: string[]): DecodeError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a DecodeError').to.be.instanceOf(DecodeError);
  const error = caught as DecodeError;
  expect(error.codec).to.equal(codec);
  for (const part of parts) expect(error.message).to.include(part);
  return error;
}

/** Lets a test pass a value of the wrong type, as a JavaScript caller could. */
export function untyped<T>(value: unknown): T {
  return value as T;
}
