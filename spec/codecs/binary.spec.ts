import { expect } from 'chai';
import fc from 'fast-check';
import { Binary } from '../../lib/codecs/index.js';
import { RUNS, expectDecodeError, expectInvalid, untyped } from './support.js';

describe('codecs: Binary', () => {
  it('is marked binary, so readers request Buffer replies', () => {
    expect(Binary.binary).to.equal(true);
  });

  it('round-trips any bytes exactly, including empty and every byte value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const value = Buffer.from(bytes);
        const encoded = Binary.encode(value);
        expect(Buffer.isBuffer(encoded)).to.equal(true);
        const decoded = Binary.decode(encoded);
        expect(Buffer.isBuffer(decoded)).to.equal(true);
        expect(decoded.equals(value)).to.equal(true);
        expect(decoded).to.deep.equal(value);
      }),
      RUNS,
    );
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(Binary.decode(Binary.encode(all)).equals(all)).to.equal(true);
    expect(Binary.decode(Binary.encode(Buffer.alloc(0))).length).to.equal(0);
  });

  it('copies the bytes when queued, so later changes to the caller Buffer are not sent', () => {
    const value = Buffer.from([1, 2, 3]);
    const encoded = Binary.encode(value);
    value[0] = 9;
    expect([...(encoded as Buffer)]).to.deep.equal([1, 2, 3]);
  });

  it('also decodes a string reply (its UTF-8 bytes)', () => {
    expect(Binary.decode('hé')).to.deep.equal(Buffer.from('hé', 'utf8'));
  });

  it('refuses anything but a Buffer', () => {
    for (const v of ['bytes', new Uint8Array([1]), [1, 2], 5, null, undefined, new ArrayBuffer(2)]) {
      expectInvalid(() => Binary.encode(untyped(v)), 'Binary', 'expected a Buffer');
    }
    expectInvalid(() => Binary.encode(untyped(new Uint8Array(1))), 'Binary', 'got Uint8Array');
  });

  it('fails to decode replies that are neither Buffers nor strings', () => {
    expectDecodeError(() => Binary.decode(untyped(12)), 'Binary', 'got number');
  });
});
