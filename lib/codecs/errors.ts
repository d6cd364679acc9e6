import { inspect } from 'node:util';
import { RedpipeError } from '../errors.js';

/** Longest rendering of an offending value kept in an error message. */
const MAX_SHOWN = 120;

/** Renders any value (or raw reply) briefly and safely for an error message. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value);
    if (value.length > MAX_SHOWN) text += `… (${value.length} chars)`;
  } else if (typeof value === 'number') {
    text = Object.is(value, -0) ? '-0' : String(value);
  } else if (typeof value === 'bigint') {
    text = `${value}n`;
  } else {
    text = inspect(value, {
      depth: 2,
      maxArrayLength: 8,
      maxStringLength: 60,
      breakLength: Infinity,
      compact: true,
    });
  }
  return text.length > MAX_SHOWN + 30 ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Renders a raw stored value: a reply read as bytes (a model with a Binary field reads every member as
 * a Buffer) is shown as its text when it is valid UTF-8, so `12x` reads as "12x", not <Buffer 31 32 78>.
 */
export function showRaw(raw: unknown): string {
  if (Buffer.isBuffer(raw)) {
    try {
      return showValue(strictUtf8.decode(raw));
    } catch {
      // not UTF-8: show the bytes
    }
  }
  return showValue(raw);
}

/** The facts an {@link InvalidValueError} carries. */
export interface InvalidValueDetails {
  /** Name of the codec that refused the value (`'Integer'`). */
  readonly codec: string;
  /** The value as given by the caller. */
  readonly value: unknown;
  /** Why it was refused (`'not an integer'`). */
  readonly reason: string;
  /** Where the value was going (`"key U{1} member 'age'"`), when known. */
  readonly where?: string;
}

/**
 * Thrown when a value is refused as it is queued (encoded): wrong type, or a value the codec's wire
 * format cannot hold exactly (NaN, an unsafe integer, a comma inside a StringList item…). Nothing is
 * queued when it is thrown.
 */
export class InvalidValueError extends RedpipeError {
  /** Name of the codec that refused the value. */
  readonly codec: string;
  /** The offending value, as given. */
  readonly value: unknown;
  /** Why it was refused. */
  readonly reason: string;
  /** Where the value was going (key, member, model field), when known. */
  readonly where: string | undefined;

  constructor(details: InvalidValueDetails, options?: { cause?: unknown }) {
    const at = details.where === undefined ? '' : ` for ${details.where}`;
    super(
      `${details.codec} refused ${showValue(details.value)}${at}: ${details.reason}`,
      options,
    );
    this.codec = details.codec;
    this.value = details.value;
    this.reason = details.reason;
    this.where = details.where;
  }

  /** A copy of this error that also names where the value was going (outermost context first). */
  withContext(where: string): InvalidValueError {
    const combined = this.where === undefined ? where : `${where}, ${this.where}`;
    return new InvalidValueError(
      { codec: this.codec, value: this.value, reason: this.reason, where: combined },
      { cause: this.cause },
    );
  }
}

/** The facts a {@link DecodeError} carries. */
export interface DecodeDetails {
  /** Name of the codec that could not read the value. */
  readonly codec: string;
  /** The raw reply as Redis returned it (string or Buffer). */
  readonly raw: unknown;
  /** Why it cannot be read (`'not a decimal integer'`). */
  readonly reason: string;
  /** Where it was read from (`"key U{1} member 'age'"`), when known. */
  readonly where?: string;
}

/**
 * Thrown when a stored value cannot be decoded by its codec (garbage, invalid UTF-8, an integer beyond
 * the safe range…). It fails only the read of that value; it never turns into a silent NaN or U+FFFD.
 */
export class DecodeError extends RedpipeError {
  /** Name of the codec that could not read the value. */
  readonly codec: string;
  /** The raw stored value. */
  readonly raw: unknown;
  /** Why it cannot be read. */
  readonly reason: string;
  /** Where it was read from (key, member, model field), when known. */
  readonly where: string | undefined;

  constructor(details: DecodeDetails, options?: { cause?: unknown }) {
    const at = details.where === undefined ? '' : ` at ${details.where}`;
    super(
      `${details.codec} cannot decode ${showRaw(details.raw)}${at}: ${details.reason}`,
      options,
    );
    this.codec = details.codec;
    this.raw = details.raw;
    this.reason = details.reason;
    this.where = details.where;
  }

  /** A copy of this error that also names where the value was read from (outermost first). */
  withContext(where: string): DecodeError {
    const combined = this.where === undefined ? where : `${where}, ${this.where}`;
    return new DecodeError(
      { codec: this.codec, raw: this.raw, reason: this.reason, where: combined },
      { cause: this.cause },
    );
  }
}
