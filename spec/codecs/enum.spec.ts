import { expect } from 'chai';
import fc from 'fast-check';
import { type Codec, type Decoded, Enum } from '../../lib/codecs/index.js';
import { expectDecodeError, expectInvalid, roundTrip, untyped } from './support.js';

enum Role {
  Admin = 'admin',
  User = 'user',
}

describe('codecs: Enum', () => {
  it('round-trips each value of a list, typed as the union', () => {
    const Color = Enum(['red', 'green', 'bleu é'] as const);
    const typed: Codec<'red' | 'green' | 'bleu é'> = Color;
    const value: Decoded<typeof Color> = 'green';
    expect(typed.name).to.equal('Enum(red|green|bleu é)');
    expect(roundTrip(Color, value)).to.equal('green');
    fc.assert(
      fc.property(fc.constantFrom('red', 'green', 'bleu é'), (v) => {
        expect(Color.encode(v)).to.equal(v);
        expect(roundTrip(Color, v)).to.equal(v);
      }),
    );
  });

  it('takes a TypeScript string enum', () => {
    const Roles: Codec<Role> = Enum(Role, { name: 'Role' });
    expect(Roles.name).to.equal('Role');
    expect(roundTrip(Roles, Role.Admin)).to.equal(Role.Admin);
    expectInvalid(() => Roles.encode(untyped('Admin')), 'Role', 'expected one of "admin", "user"');
  });

  it('refuses values outside the set when written, and unknown stored values when read', () => {
    const Color = Enum(['red', 'green']);
    expectInvalid(() => Color.encode(untyped('blue')), 'Enum(red|green)', '"blue"', 'expected one of "red", "green"');
    expectInvalid(() => Color.encode(untyped(1)), 'Enum(red|green)');
    expectDecodeError(() => Color.decode('blue'), 'Enum(red|green)', 'expected one of');
    expectDecodeError(() => Color.decode('Red'), 'Enum(red|green)');
    expect(Color.decode(Buffer.from('red'))).to.equal('red');
  });

  it('rejects bad definitions at once', () => {
    expect(() => Enum([])).to.throw(TypeError, 'at least one value');
    expect(() => Enum(['a', 'a'])).to.throw(TypeError, 'distinct');
    expect(() => Enum(['\uD800'])).to.throw(TypeError, 'lone surrogates');
    expect(() => Enum(untyped<string[]>([1, 2]))).to.throw(TypeError, 'must be strings');
    enum Numeric { A, B }
    expect(() => Enum(untyped<string[]>(Numeric))).to.throw(TypeError, 'numeric enums');
  });
});
