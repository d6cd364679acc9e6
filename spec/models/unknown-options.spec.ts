// Repository options are checked key by key: an option save, saveValidated, update, scan or the
// Repository itself does not know (`{ NX: true }`, `{ ttl: 10 }`), or options that are not a plain
// object, throw InvalidArgumentError naming the method, the record key (the model for the Repository) and
// the option, with "did you mean" for a case or spelling variant; nothing of the entity is queued.
import { expect } from 'chai';
import { Entity, Field, InvalidArgumentError, Model, pipeline, Repository, Text, type Pipeline } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectNothingQueued, rejection, thrown, useServers } from './support.js';

const PREFIX = uniqueKey('UO');

@Model(PREFIX)
class Member extends Entity {
  id!: string;
  @Field(Text) name?: string;
}

const members = new Repository(Member);
const key = (id: string): string => `${PREFIX}{${id}}`;
/** Untyped options, as a JavaScript caller (or `as any`) would pass them. */
const loose = <T>(value: unknown): T => value as T;

function expectMessage(error: Error, start: string, option: string, hint?: string): void {
  expect(error).to.be.instanceOf(InvalidArgumentError);
  expect(error.message).to.include(start).and.include(option);
  if (hint === undefined) expect(error.message).not.to.include('did you mean');
  else expect(error.message).to.include(`did you mean '${hint}'?`);
}

describe('models: unknown options are refused (nothing queued)', () => {
  const servers = useServers();
  const raw = () => servers.primary;

  const writes: readonly {
    label: string;
    start: string;
    option: string;
    hint?: string;
    call: (id: string, pipe: Pipeline) => unknown;
  }[] = [
    { label: 'save with NX', start: 'SAVE', option: "unknown option 'NX'", hint: 'nx', call: (id, p) => members.save(members.create({ id, name: 'a' }), p, loose({ NX: true })) },
    { label: 'save with validate (a spelling variant)', start: 'SAVE', option: "unknown option 'validate'", hint: 'validated', call: (id, p) => members.save(members.create({ id, name: 'a' }), p, loose({ validate: false })) },
    { label: 'save with a foreign option', start: 'SAVE', option: "unknown option 'ttl'", call: (id, p) => members.save(members.create({ id, name: 'a' }), p, loose({ ttl: 10 })) },
    { label: 'save with options that are a number', start: 'SAVE', option: 'options must be a plain object (nx, validated), got 1', call: (id, p) => members.save(members.create({ id, name: 'a' }), p, loose(1)) },
    { label: 'update by id with Validated', start: 'UPDATE', option: "unknown option 'Validated'", hint: 'validated', call: (id, p) => members.update(id, { name: 'b' }, p, loose({ Validated: true })) },
    { label: 'update of an entity with nx (a save option)', start: 'UPDATE', option: "unknown option 'nx'", call: (id, p) => members.update(members.create({ id, name: 'a' }), { name: 'b' }, p, loose({ nx: true })) },
    { label: 'update with options that are an array', start: 'UPDATE', option: 'got an array', call: (id, p) => members.update(id, { name: 'b' }, p, loose([true])) },
  ];

  for (const c of writes) {
    it(`${c.label}${c.hint ? ` (did you mean '${c.hint}'?)` : ''}`, async () => {
      const id = uniqueKey('m');
      const pipe = pipeline();
      expectMessage(thrown(() => c.call(id, pipe)), `${c.start} ${key(id)}: `, c.option, c.hint);
      await expectNothingQueued(pipe, raw(), key(id));
    });
  }

  it('saveValidated with Nx rejects before validating; nothing is queued', async () => {
    const id = uniqueKey('m');
    const pipe = pipeline();
    const error = await rejection(members.saveValidated(members.create({ id, name: 'a' }), pipe, loose({ Nx: true })));
    expectMessage(error, `SAVEVALIDATED ${key(id)}: `, "unknown option 'Nx'", 'nx');
    await expectNothingQueued(pipe, raw(), key(id));
    const spread = await rejection(members.saveValidated(members.create({ id, name: 'a' }), pipe, loose(7)));
    expectMessage(spread, `SAVEVALIDATED ${key(id)}: `, 'got 7');
    await expectNothingQueued(pipe, raw(), key(id));
  });

  it('new Repository with Validation or validations (spelling variants) is refused, naming the model', () => {
    expectMessage(thrown(() => new Repository(Member, loose({ Validation: false }))), 'REPOSITORY Member: ', "unknown option 'Validation'", 'validation');
    expectMessage(thrown(() => new Repository(Member, loose({ validations: false }))), 'REPOSITORY Member: ', "unknown option 'validations'", 'validation');
    expectMessage(thrown(() => new Repository(Member, loose('strict'))), 'REPOSITORY Member: ', 'got "strict"');
  });

  it('scan with MATCH rejects when iterated, naming the keyspace', async () => {
    const error = await rejection((async () => members.scan(loose({ MATCH: '*' })).next())());
    expectMessage(error, `SCAN ${PREFIX}{*}: `, "unknown option 'MATCH'", 'match');
    const ids = await rejection((async () => members.scanIds(loose({ count: 10, limit: 5 })).next())());
    expectMessage(ids, `SCAN ${PREFIX}{*}: `, "unknown option 'limit'");
  });

  it('known options still work: save { nx, validated }, update { validated }, new Repository { validation, validator }', async () => {
    const id = uniqueKey('m');
    const strict = new Repository(Member, { validation: true, validator: { skipMissingProperties: true } });
    const pipe = pipeline();
    strict.save(strict.create({ id, name: 'a' }), pipe, { nx: true, validated: true });
    strict.update(id, { name: 'b' }, pipe, { validated: false });
    members.update(id, { name: 'c' }, pipe, undefined);
    await pipe.execute();
    expect(await raw().hgetall(key(id))).to.deep.equal({ name: 'c' });
  });
});
