import type { Codec } from './codec.js';
import { refuse, typeName, unreadable } from './utf8.js';

/**
 * Raw bytes (Python redpipe's `BinaryField`): a `Buffer` in, the same bytes stored, a `Buffer` out.
 * `binary: true` tells readers to request Buffer replies. Refuses anything but a `Buffer` (wrap a
 * `Uint8Array` with `Buffer.from(array)`). The bytes are copied when queued, so later changes to the
 * caller's Buffer do not change what is sent.
 *
 * @example
 * Binary.encode(Buffer.from([0, 255])); // <Buffer 00 ff>
 */
export const Binary: Codec<Buffer> = Object.freeze({
  name: 'Binary',
  binary: true,
  encode(value: Buffer): Buffer {
    if (!Buffer.isBuffer(value)) {
      refuse('Binary', value, `expected a Buffer, got ${typeName(value)}`);
    }
    return Buffer.from(value);
  },
  decode(raw: string | Buffer): Buffer {
    const reply: unknown = raw;
    if (reply instanceof Uint8Array) return Buffer.from(reply); // Buffers too; copied

    // A string reply means the reader did not ask for Buffers; its UTF-8 bytes are the best we have.
    if (typeof reply === 'string') return Buffer.from(reply, 'utf8');
    return unreadable('Binary', reply, `expected a Buffer or string reply, got ${typeName(raw)}`);
  },
});
