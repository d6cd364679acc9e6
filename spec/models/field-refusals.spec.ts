// Out-of-domain values are refused when queued: save and update throw InvalidValueError naming the model,
// the field and the key, and nothing is queued (not even the entity's valid fields); the key stays absent.
import { inspect } from 'node:util';
import { expect } from 'chai';
import { InvalidValueError, pipeline } from '../../lib/index.js';
import { everything, Everything } from './fields-support.js';
import { expectNothingQueued, thrown, useServers } from './support.js';

type Case = readonly [field: keyof Everything & string, value: unknown, codec: string];

const sparse: string[] = [];
sparse[1] = 'a';
const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

const CASES: readonly Case[] = [
  ['text', 42, 'Text'],
  ['text', 'lone \uD800 surrogate', 'Text'],
  ['text', Buffer.from('x'), 'Text'],
  ['ascii', 'héllo', 'Ascii'],
  ['ascii', 'tab\there', 'Ascii'],
  ['bytes', 'a string', 'Binary'],
  ['bytes', new Uint8Array([1, 2]), 'Binary'],
  ['int', 1.5, 'Integer'],
  ['int', 2 ** 53, 'Integer'],
  ['int', -(2 ** 53), 'Integer'],
  ['int', NaN, 'Integer'],
  ['int', Infinity, 'Integer'],
  ['int', '5', 'Integer'],
  ['int', 5n, 'Integer'],
  ['big', 5, 'BigInt'],
  ['big', '5', 'BigInt'],
  ['float', NaN, 'Float'],
  ['float', '1.5', 'Float'],
  ['flag', 1, 'Boolean'],
  ['flag', 'true', 'Boolean'],
  ['list', { a: 1 }, 'List'],
  ['list', [1, NaN], 'List'],
  ['list', [Infinity], 'List'],
  ['list', [undefined], 'List'],
  ['list', sparse, 'List'],
  ['list', [new Date(0)], 'List'],
  ['dict', [1, 2], 'Dict'],
  ['dict', { a: -Infinity }, 'Dict'],
  ['dict', { a: undefined }, 'Dict'],
  ['dict', new Map([['a', 1]]), 'Dict'],
  ['dict', cyclic, 'Dict'],
  ['json', { n: 1n }, 'Json'],
  ['json', () => 1, 'Json'],
  ['strings', ['a,b'], 'StringList'],
  ['strings', ['a', ''], 'StringList'],
  ['strings', ['a', 1], 'StringList'],
  ['strings', 'a,b', 'StringList'],
  ['when', new Date(NaN), 'DateTime'],
  ['when', 1700000000000, 'DateTime'],
  ['when', '2024-01-01', 'DateTime'],
  ['role', 'superuser', 'Enum(admin|guest|⭐ star 😀)'],
  ['level', 'LOW', "Enum(low|mid|high|)"],
  ['point', { x: 1.5, y: 0 }, 'Point'],
];

let counter = 0;

describe('models: out-of-domain values are refused when queued', () => {
  const servers = useServers();

  for (const [field, value, codec] of CASES) {
    const shown = inspect(value, { breakLength: Infinity, depth: 2 });
    it(`${field} refuses ${shown.slice(0, 50)} (${codec}) on save and on update, queueing nothing`, async () => {
      const id = `bad${++counter}`;
      const key = everything.key(id);
      const pipe = pipeline();
      const entity = everything.create({ id, text: 'valid', int: 1, [field]: value } as never);

      const onSave = thrown(() => everything.save(entity, pipe));
      expect(onSave).to.be.instanceOf(InvalidValueError);
      const error = onSave as InvalidValueError;
      expect(error.codec).to.equal(codec);
      expect(error.where).to.include('Everything').and.include(`'${field}'`).and.include(key);
      expect(error.message).to.include('Everything').and.include(`'${field}'`).and.include(key);

      const onNx = thrown(() => everything.save(entity, pipe, { nx: true }));
      expect(onNx).to.be.instanceOf(InvalidValueError);
      const onUpdate = thrown(() => everything.update(id, { text: 'also valid', [field]: value } as never, pipe));
      expect(onUpdate).to.be.instanceOf(InvalidValueError);
      expect(onUpdate.message).to.include(`'${field}'`).and.include(key);
      await expectNothingQueued(pipe, servers.primary, key);
    });
  }

  it('a refused entity in the middle of a batch leaves what was queued before it intact', async () => {
    const pipe = pipeline();
    everything.save(everything.create({ id: 'okA', int: 1 }), pipe);
    expect(() => everything.save(everything.create({ id: 'badB', int: 0.5 }), pipe)).to.throw(InvalidValueError);
    everything.save(everything.create({ id: 'okC', int: 3 }), pipe);
    expect(pipe.size).to.equal(2);
    await pipe.execute();
    expect(await servers.primary.exists(everything.key('okA'), everything.key('badB'), everything.key('okC'))).to.equal(2);
  });
});
