// class-validator: save and update validate before anything is queued (one ValidationError listing every
// property and constraint; nothing queued, not even the valid fields); async constraints need
// saveValidated / validate, and save says so.
import { expect } from 'chai';
import {
  IsEmail, IsOptional, Length, Max, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';
import {
  AsyncValidationRequiredError, Entity, Field, Integer, Model, pipeline, Repository, Text, ValidationError,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectNothingQueued, rejection, thrown, useServers } from './support.js';

@Model(uniqueKey('VS'))
class Signup extends Entity {
  id!: string;
  @IsEmail() @Field(Text) email?: string;
  @Length(3, 10) @Field(Text, { required: true }) name!: string;
  @Min(18) @Max(130) @Field(Integer) age?: number;
}

const taken = new Set(['admin', 'root']);
let checks = 0;

@ValidatorConstraint({ name: 'handleFree', async: true })
class HandleFree implements ValidatorConstraintInterface {
  async validate(value: unknown): Promise<boolean> {
    checks++;
    await new Promise((resolve) => setTimeout(resolve, 1));
    return typeof value === 'string' && !taken.has(value);
  }

  defaultMessage(): string {
    return 'handle $value is taken';
  }
}

@Model(uniqueKey('VA'))
class Handle extends Entity {
  id!: string;
  @Validate(HandleFree) @Field(Text) handle?: string;
  @IsOptional() @Min(0) @Field(Integer) karma?: number;
}

const signups = new Repository(Signup);
const handles = new Repository(Handle);

describe('models: class-validator', () => {
  const servers = useServers();

  it('save throws one ValidationError listing each property and constraint; nothing is queued', async () => {
    const pipe = pipeline();
    const bad = signups.create({ id: 'v1', email: 'not-an-email', name: 'Al', age: 12 });
    const error = thrown(() => signups.save(bad, pipe));
    expect(error).to.be.instanceOf(ValidationError);
    const violations = (error as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`);
    expect(violations).to.have.members(['email:isEmail', 'name:isLength', 'age:min']);
    expect(error.message).to.include('Signup').and.include('email').and.include('name').and.include('age');
    await expectNothingQueued(pipe, servers.primary, signups.key('v1'));
  });

  it("one invalid property stops the whole entity: not even its valid fields are queued", async () => {
    const pipe = pipeline();
    const error = thrown(() => signups.save(signups.create({ id: 'v2', email: 'a@example.com', name: 'Alice', age: 200 }), pipe));
    expect((error as ValidationError).violations.map((v) => v.constraint)).to.deep.equal(['max']);
    await expectNothingQueued(pipe, servers.primary, signups.key('v2'));
  });

  it('a valid entity is saved; unset optional properties are not validated', async () => {
    await signups.save(signups.create({ id: 'v3', email: 'a@example.com', name: 'Alice', age: 30 })).promise;
    await signups.save(signups.create({ id: 'v4', name: 'Bob' })).promise;
    expect(await servers.primary.hgetall(signups.key('v3'))).to.deep.equal({ email: 'a@example.com', name: 'Alice', age: '30' });
    expect(await servers.primary.hgetall(signups.key('v4'))).to.deep.equal({ name: 'Bob' });
  });

  it('update validates the changes (by id) or the changed entity, before anything is queued', async () => {
    await servers.primary.hset(signups.key('v5'), { name: 'Alice', age: '30' });
    const pipe = pipeline();
    const byId = thrown(() => signups.update('v5', { email: 'nope', age: 5 }, pipe));
    expect((byId as ValidationError).violations.map((v) => v.property)).to.have.members(['email', 'age']);
    const alice = (await signups.get('v5').promise)!;
    const onEntity = thrown(() => signups.update(alice, { name: 'Al' }, pipe));
    expect((onEntity as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`)).to.deep.equal(['name:isLength']);
    expect(alice.name).to.equal('Alice');
    expect(pipe.size).to.equal(0);
    signups.update('v5', { age: 31 }, pipe); // valid by id: the other fields are not needed
    signups.update(alice, { email: 'alice@example.com' }, pipe);
    await pipe.execute();
    expect(await servers.primary.hgetall(signups.key('v5'))).to.deep.equal({ name: 'Alice', age: '31', email: 'alice@example.com' });
  });

  it('a repository with validation off saves what class-validator would refuse', async () => {
    const unchecked = new Repository(Signup, { validation: false });
    await unchecked.save(unchecked.create({ id: 'v6', name: 'Al', email: 'x' })).promise;
    expect(await servers.primary.hgetall(signups.key('v6'))).to.deep.equal({ name: 'Al', email: 'x' });
  });

  it('validate runs every constraint and rejects with the same ValidationError', async () => {
    await signups.validate(signups.create({ id: 'v7', name: 'Alice' }));
    const error = await rejection(signups.validate(signups.create({ id: 'v7', name: 'Al' })));
    expect((error as ValidationError).violations.map((v) => v.property)).to.deep.equal(['name']);
  });
});

describe('models: async validation', () => {
  const servers = useServers();

  it('save of a model with async constraints throws AsyncValidationRequiredError pointing to saveValidated', async () => {
    const pipe = pipeline();
    const before = checks;
    const error = thrown(() => handles.save(handles.create({ id: 'a1', handle: 'ann' }), pipe));
    expect(error).to.be.instanceOf(AsyncValidationRequiredError);
    expect(error.message).to.include('Handle').and.include("'handle'").and.include('saveValidated');
    expect(checks).to.equal(before); // the async constraint was not silently skipped or run
    await expectNothingQueued(pipe, servers.primary, handles.key('a1'));
  });

  it('saveValidated runs the async constraint, then saves a valid entity', async () => {
    const before = checks;
    const pipe = pipeline();
    const saved = await handles.saveValidated(handles.create({ id: 'a2', handle: 'ann', karma: 3 }), pipe);
    expect(checks).to.equal(before + 1);
    expect(await servers.primary.exists(handles.key('a2'))).to.equal(0);
    await pipe.execute();
    expect(saved.result.handle).to.equal('ann');
    expect(await servers.primary.hgetall(handles.key('a2'))).to.deep.equal({ handle: 'ann', karma: '3' });
    await (await handles.saveValidated(handles.create({ id: 'a3', handle: 'bo' }))).promise;
    expect(await servers.primary.hget(handles.key('a3'), 'handle')).to.equal('bo');
  });

  it('saveValidated rejects with ValidationError when a constraint fails (async or sync); nothing is queued', async () => {
    const pipe = pipeline();
    const error = await rejection(handles.saveValidated(handles.create({ id: 'a4', handle: 'admin', karma: -1 }), pipe));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`)).to.have.members(['handle:handleFree', 'karma:min']);
    expect(error.message).to.include('handle admin is taken');
    await expectNothingQueued(pipe, servers.primary, handles.key('a4'));
  });

  it('validate then save with { validated: true } is the explicit two-step form', async () => {
    const entity = handles.create({ id: 'a5', handle: 'cy' });
    await handles.validate(entity);
    await handles.save(entity, undefined, { validated: true }).promise;
    expect(await servers.primary.hget(handles.key('a5'), 'handle')).to.equal('cy');
    expect((await rejection(handles.validate(handles.create({ id: 'a6', handle: 'root' })))).message).to.include('taken');
  });
});
