// Option objects of the String commands (SET, GETEX, BITCOUNT, BITPOS) turned into Redis arguments.
// Every check runs before anything is queued; `refuse` throws InvalidArgumentError.
import { optionNames } from './options.js';

/** How a String command refuses bad options (the keyspace's `refuse`, bound to its key). */
export type Refuse = (command: string, reason: string) => never;

/** When a written value expires: at most one of these. */
export interface ExpiryOptions {
  /** Expire in this many seconds (a positive integer). */
  ex?: number;
  /** Expire in this many milliseconds (a positive integer). */
  px?: number;
  /** Expire at this moment: a Date, or Unix time in seconds. */
  exat?: Date | number;
  /** Expire at this moment: a Date, or Unix time in milliseconds. */
  pxat?: Date | number;
}

/** Options of SET. */
export interface StringSetOptions extends ExpiryOptions {
  /** Only set when the key is missing. */
  nx?: boolean;
  /** Only set when the key exists. */
  xx?: boolean;
  /** Keep the key's current time to live. */
  keepttl?: boolean;
  /** Resolve to the old value (SET … GET) instead of whether the value was written. */
  get?: boolean;
}
/** Every key of StringSetOptions, for checkOptions. */
export const SET_OPTIONS = optionNames<StringSetOptions>()(['ex', 'px', 'exat', 'pxat', 'nx', 'xx', 'keepttl', 'get']);

/** Options of GETEX: a new expiry, or `persist` to remove it. */
export interface GetExOptions extends ExpiryOptions {
  /** Remove the time to live. */
  persist?: boolean;
}
/** Every key of GetExOptions, for checkOptions. */
export const GETEX_OPTIONS = optionNames<GetExOptions>()(['ex', 'px', 'exat', 'pxat', 'persist']);

/** A range of BITCOUNT: `start` and `end` both given, in bytes unless `unit` is `'bit'` (Redis 7). */
export interface BitCountRange {
  start: number;
  end: number;
  unit?: 'byte' | 'bit';
}
/** Every key of BitCountRange, for checkOptions. */
export const BITCOUNT_RANGE = optionNames<BitCountRange>()(['start', 'end', 'unit']);

/** A range of BITPOS: `end` needs `start`, and `unit` needs `end`. */
export interface BitPosRange {
  start: number;
  end?: number;
  unit?: 'byte' | 'bit';
}
/** Every key of BitPosRange, for checkOptions. */
export const BITPOS_RANGE = optionNames<BitPosRange>()(['start', 'end', 'unit']);

/** The bitwise operations of BITOP. */
export type BitOperation = 'and' | 'or' | 'xor' | 'not';

/** Checks an integer argument (any sign). */
export function integer(refuse: Refuse, command: string, what: string, value: number): number {
  if (!Number.isSafeInteger(value)) refuse(command, `${what} must be an integer, got ${String(value)}`);
  return value;
}

/** Checks a time argument Redis wants positive (EX 0 is an error there). */
function positive(refuse: Refuse, command: string, what: string, value: number): number {
  integer(refuse, command, what, value);
  if (value <= 0) refuse(command, `${what} must be positive, got ${value}`);
  return value;
}

/** A moment as Unix seconds or milliseconds. */
function moment(refuse: Refuse, command: string, what: string, when: Date | number, unit: 1 | 1000): number {
  if (when instanceof Date) {
    const ms = when.getTime();
    if (Number.isNaN(ms)) refuse(command, `${what} is an invalid Date`);
    return positive(refuse, command, what, unit === 1 ? ms : Math.floor(ms / 1000));
  }
  return positive(refuse, command, what, when);
}

/** The expiry arguments (`EX 10`…), refusing more than one expiry (or one with `extra`) at once. */
function expiryArgs(
  refuse: Refuse,
  command: string,
  options: ExpiryOptions & { keepttl?: boolean; persist?: boolean },
  extra: 'keepttl' | 'persist',
): (string | number)[] {
  const given = (['ex', 'px', 'exat', 'pxat', extra] as const).filter((name) => options[name] !== undefined && options[name] !== false);
  if (given.length > 1) refuse(command, `options ${given.join(' and ')} cannot be combined (one expiry at most)`);
  if (options.ex !== undefined) return ['EX', positive(refuse, command, 'ex', options.ex)];
  if (options.px !== undefined) return ['PX', positive(refuse, command, 'px', options.px)];
  if (options.exat !== undefined) return ['EXAT', moment(refuse, command, 'exat', options.exat, 1000)];
  if (options.pxat !== undefined) return ['PXAT', moment(refuse, command, 'pxat', options.pxat, 1)];
  if (options[extra] === true) return [extra.toUpperCase()];
  return [];
}

/** The flags of SET after the value, refusing contradictions (nx with xx, two expiries). */
export function setArgs(refuse: Refuse, options: StringSetOptions): (string | number)[] {
  if (options.nx && options.xx) refuse('set', 'options nx and xx cannot be combined');
  const args = expiryArgs(refuse, 'set', options, 'keepttl');
  if (options.nx) args.push('NX');
  if (options.xx) args.push('XX');
  if (options.get) args.push('GET');
  return args;
}

/** The flags of GETEX, refusing more than one expiry (or an expiry with persist). */
export function getexArgs(refuse: Refuse, options: GetExOptions): (string | number)[] {
  return expiryArgs(refuse, 'getex', options, 'persist');
}

/** The time argument of SETEX (seconds) or PSETEX (milliseconds): a positive integer. */
export function ttlArg(refuse: Refuse, command: string, value: number): number {
  return positive(refuse, command, command === 'setex' ? 'seconds' : 'milliseconds', value);
}

/** The range arguments of BITCOUNT. */
export function bitcountArgs(refuse: Refuse, range: BitCountRange | undefined): (string | number)[] {
  if (range === undefined) return [];
  const args: (string | number)[] = [
    integer(refuse, 'bitcount', 'start', range.start),
    integer(refuse, 'bitcount', 'end', range.end),
  ];
  if (range.unit !== undefined) args.push(unitArg(refuse, 'bitcount', range.unit));
  return args;
}

/** The bit and range arguments of BITPOS. */
export function bitposArgs(refuse: Refuse, bit: 0 | 1, range: BitPosRange | undefined): (string | number)[] {
  const args: (string | number)[] = [bitArg(refuse, 'bitpos', bit)];
  if (range === undefined) return args;
  args.push(integer(refuse, 'bitpos', 'start', range.start));
  if (range.end === undefined) {
    if (range.unit !== undefined) refuse('bitpos', 'unit needs end');
    return args;
  }
  args.push(integer(refuse, 'bitpos', 'end', range.end));
  if (range.unit !== undefined) args.push(unitArg(refuse, 'bitpos', range.unit));
  return args;
}

/** A bit value, 0 or 1. */
export function bitArg(refuse: Refuse, command: string, bit: 0 | 1): 0 | 1 {
  if (bit !== 0 && bit !== 1) refuse(command, `a bit is 0 or 1, got ${String(bit)}`);
  return bit;
}

/** A bit offset: an integer from 0 to 2^32 − 1. */
export function offsetArg(refuse: Refuse, command: string, offset: number): number {
  integer(refuse, command, 'offset', offset);
  if (offset < 0 || offset >= 2 ** 32) refuse(command, `offset must be from 0 to 2^32 - 1, got ${offset}`);
  return offset;
}

/** The operation name of BITOP. */
export function bitopName(refuse: Refuse, operation: BitOperation, sources: number): string {
  if (!['and', 'or', 'xor', 'not'].includes(operation)) refuse('bitop', `unknown operation ${String(operation)}`);
  if (sources === 0) refuse('bitop', 'at least one source id is needed');
  if (operation === 'not' && sources !== 1) refuse('bitop', `NOT takes exactly one source id, got ${sources}`);
  return operation.toUpperCase();
}

function unitArg(refuse: Refuse, command: string, unit: 'byte' | 'bit'): string {
  if (unit !== 'byte' && unit !== 'bit') refuse(command, `unit is 'byte' or 'bit', got ${String(unit)}`);
  return unit.toUpperCase();
}
