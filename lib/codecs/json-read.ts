/**
 * A JSON reader that also accepts the `NaN`, `Infinity` and `-Infinity` tokens Python's `json.dumps`
 * writes, and refuses integer literals a double cannot hold exactly (Python ints such as
 * 2^53 + 1), which JSON.parse would silently round.
 */

/** A JSON number literal (RFC 8259), matched at the current position. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Thrown by the reader with a human reason; callers turn it into a DecodeError. */
export class JsonSyntaxError extends Error {}

/** Any 16-digit run: the only way an integer literal can exceed the safe integer range. */
const LONG_DIGITS = /\d{16}/;

/**
 * Parses JSON text as Python's `json.loads` does (plus the unsafe-integer check). Plain JSON without
 * long digit runs takes the native `JSON.parse` path; the rest goes through the reader below.
 */
export function readJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not plain JSON: maybe Python's NaN/Infinity tokens. The reader decides and explains.
    }
  }
  return readPythonJson(text);
}

/** The full reader, without the native fast path (same results as {@link readJson}). */
export function readPythonJson(text: string): unknown {
  const reader = new Reader(text);
  reader.space();
  const value = reader.value();
  reader.space();
  if (reader.pos < text.length) reader.fail('unexpected text after the JSON value');
  return value;
}

/** Recursive-descent reader over one JSON text. */
class Reader {
  pos = 0;

  constructor(private readonly text: string) {}

  /** Throws a {@link JsonSyntaxError} at the current position. */
  fail(reason: string): never {
    const found = this.pos < this.text.length ? JSON.stringify(this.text[this.pos]) : 'end of text';
    throw new JsonSyntaxError(`invalid JSON: ${reason} (${found} at position ${this.pos})`);
  }

  /** Skips JSON whitespace (space, tab, CR, LF). */
  space(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  /** Consumes `word` if it is next. */
  private take(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  /** Reads any JSON value. */
  value(): unknown {
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (this.take('true')) return true;
    if (this.take('false')) return false;
    if (this.take('null')) return null;
    if (this.take('NaN')) return NaN;
    if (this.take('Infinity')) return Infinity;
    if (this.take('-Infinity')) return -Infinity;
    return this.number();
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail('expected a value');
    const literal = m[0];
    this.pos += literal.length;
    const value = Number(literal);
    if (literal.length >= 16 && !/[.eE]/.test(literal) && !Number.isSafeInteger(value)) {
      if (!Number.isFinite(value) || BigInt(literal) !== BigInt(value)) {
        throw new JsonSyntaxError(
          `the integer ${literal} cannot be read exactly as a number (a double would round it)`,
        );
      }
    }
    return value;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= t.length) {
        this.pos = i;
        this.fail('unterminated string');
      }
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) i++;
      else if (c < 0x20) {
        this.pos = i;
        this.fail('control character in a string');
      }
      i++;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(t.slice(start, i + 1)) as string; // decodes escapes exactly as JSON does
    } catch {
      this.pos = start;
      return this.fail('invalid escape in a string');
    }
  }

  private array(): unknown[] {
    const items: unknown[] = [];
    this.pos++;
    this.space();
    if (this.take(']')) return items;
    for (;;) {
      this.space();
      items.push(this.value());
      this.space();
      if (this.take(']')) return items;
      if (!this.take(',')) this.fail("expected ',' or ']'");
    }
  }

  private object(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.space();
    if (this.take('}')) return obj;
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.space();
      if (!this.take(':')) this.fail("expected ':'");
      this.space();
      const item = this.value();
      // defineProperty, like JSON.parse, so that a "__proto__" key is an own property.
      Object.defineProperty(obj, key, { value: item, writable: true, enumerable: true, configurable: true });
      this.space();
      if (this.take('}')) return obj;
      if (!this.take(',')) this.fail("expected ',' or '}'");
    }
  }
}
