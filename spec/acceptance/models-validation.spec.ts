// Acceptance: class-validator (sync: one ValidationError, nothing queued; async: validate / saveValidated,
// save explains) and class-transformer (@Expose, @Exclude, @Transform, @Type; real instances; toPlain).
import { expect } from 'chai';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import {
  IsEmail,
  Length,
  Max,
  Min,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { Redis } from 'ioredis';
import {
  BooleanField,
  DateTime,
  Entity,
  Field,
  Integer,
  Json,
  Model,
  Repository,
  Text,
  ValidationError,
  connect,
  pipeline,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey, type RoundTripProxy } from '../harness/index.js';

const KS = uniqueKey('V');
@Model(KS, { connection: 'users', ttl: 3600 })
class User extends Entity {
  id!: string;
  @Length(2, 20) @Field(Text, { required: true }) name!: string;
  @Min(0) @Max(10) @Field(Integer) level?: number;
  @Field(BooleanField, { default: false }) admin!: boolean;
  @IsEmail() @Field(Text) email?: string;
}
const users = new Repository(User);

const taken = new Set(['taken@example.com']);
@ValidatorConstraint({ name: 'emailIsFree', async: true })
class EmailIsFree implements ValidatorConstraintInterface {
  async validate(value: unknown): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return typeof value === 'string' && !taken.has(value);
  }
  defaultMessage(): string {
    return 'email is taken';
  }
}
const SIGNUPS = uniqueKey('SU');
@Model(SIGNUPS)
class Signup extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @IsEmail() @Validate(EmailIsFree) @Field(Text) email?: string;
}
const signups = new Repository(Signup);

describe('acceptance: models — class-validator', () => {
  let secondary: Redis;
  let primary: Redis;
  let proxy: RoundTripProxy;
  beforeEach(async () => {
    secondary = newClient('secondary');
    primary = newClient('primary');
    proxy = await startProxy('secondary');
    reset();
    connect(newClient('primary'));
    connect(await clientThroughProxy(proxy), 'users');
  });
  afterEach(() => reset());

  it('save runs validateSync first: one ValidationError listing each property and constraint, nothing queued', async () => {
    const pipe = pipeline();
    const bad = users.create({ id: 'v1', name: 'x', level: 11, email: 'not-an-email' });
    let error: unknown;
    try {
      users.save(bad, pipe);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ValidationError);
    const found = (error as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`).sort();
    expect(found).to.deep.equal(['email:isEmail', 'level:max', 'name:isLength']);
    expect((error as Error).message).to.include('email').and.include('level').and.include('name');
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(0);
    expect(await secondary.exists(`${KS}{v1}`)).to.equal(0);
  });

  it('a valid entity saves; an optional unset @IsEmail field is not a violation', async () => {
    await users.save(users.create({ id: 'v2', name: 'Valid', level: 3 })).promise;
    await users.save(users.create({ id: 'v3', name: 'Valid', email: 'ok@example.com' })).promise;
    expect(await secondary.hget(`${KS}{v3}`, 'email')).to.equal('ok@example.com');
  });

  it('update validates the changes before queueing; nothing of the update is queued', async () => {
    await users.save(users.create({ id: 'v4', name: 'Valid', level: 3 })).promise;
    proxy.reset();
    const pipe = pipeline();
    expect(() => users.update('v4', { level: 99, name: 'Fine name' }, pipe)).to.throw(ValidationError);
    expect(() => users.update('v4', { email: 'nope' }, pipe)).to.throw(ValidationError);
    await pipe.execute();
    expect(proxy.roundTrips).to.equal(0);
    expect(await secondary.hgetall(`${KS}{v4}`)).to.deep.equal({ name: 'Valid', level: '3', admin: '' });
    await users.update('v4', { level: 10, email: 'good@example.com' }).promise;
    expect(await secondary.hget(`${KS}{v4}`, 'level')).to.equal('10');
  });

  it('an async constraint: save explains instead of skipping it, and queues nothing', async () => {
    const pipe = pipeline();
    const s = signups.create({ id: 's1', name: 'A', email: 'taken@example.com' });
    expect(() => signups.save(s, pipe)).to.throw(/saveValidated|validate/);
    await pipe.execute();
    expect(await primary.exists(`${SIGNUPS}{s1}`)).to.equal(0);
  });

  it('await repo.validate(entity) runs async constraints', async () => {
    const taken1 = signups.create({ id: 's2', email: 'taken@example.com' });
    const error = await signups.validate(taken1).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`)).to.deep.equal(['email:emailIsFree']);
    await signups.validate(signups.create({ id: 's2', email: 'free@example.com' }));
  });

  it('repo.saveValidated(entity, pipe) validates asynchronously, then queues on the pipe', async () => {
    const pipe = pipeline();
    const saved = await signups.saveValidated(signups.create({ id: 's3', name: 'B', email: 'free@example.com' }), pipe);
    expect(saved.ready).to.equal(false);
    const refused = await signups.saveValidated(signups.create({ id: 's4', email: 'taken@example.com' }), pipe).then(
      () => 'queued',
      (e: unknown) => e,
    );
    expect(refused).to.be.instanceOf(ValidationError);
    await pipe.execute();
    expect(saved.result).to.be.instanceOf(Signup);
    expect(await primary.hgetall(`${SIGNUPS}{s3}`)).to.deep.equal({ name: 'B', email: 'free@example.com' });
    expect(await primary.exists(`${SIGNUPS}{s4}`)).to.equal(0);
  });

  it('validate() then save with { validated: true } writes', async () => {
    const s = signups.create({ id: 's5', email: 'x@example.com' });
    await signups.validate(s);
    await signups.save(s, undefined, { validated: true }).promise;
    expect(await primary.hget(`${SIGNUPS}{s5}`, 'email')).to.equal('x@example.com');
  });
});

class Address {
  @Length(1, 50) city!: string;
  zip?: string;
  label(): string {
    return `${this.city} ${this.zip ?? ''}`.trim();
  }
}

const PROFILES = uniqueKey('PR');
@Model(PROFILES)
class Profile extends Entity {
  id!: string;
  @Field(Text) first?: string;
  @Field(Text) last?: string;
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value), { toClassOnly: true })
  @Field(Text)
  code?: string;
  @Exclude({ toPlainOnly: true }) @Field(Text) password?: string;
  @Exclude() @Field(Text) hidden?: string;
  @ValidateNested() @Type(() => Address) @Field(Json<Address>()) address?: Address;
  @Field(DateTime) born?: Date;

  @Expose()
  get fullName(): string {
    return `${this.first ?? ''} ${this.last ?? ''}`.trim();
  }
}
const profiles = new Repository(Profile);

describe('acceptance: models — class-transformer', () => {
  let raw: Redis;
  beforeEach(() => {
    raw = newClient('primary');
    reset();
    connect(newClient('primary'));
  });
  afterEach(() => reset());

  it('loaded entities are real instances; @Transform, @Type and toPlainOnly @Exclude behave as declared', async () => {
    await raw.hset(`${PROFILES}{p1}`, {
      first: 'Ada',
      last: 'Lovelace',
      code: 'abc',
      password: 'secret',
      address: '{"city":"London","zip":"NW1"}',
      born: String(Date.UTC(1815, 11, 10)),
    });
    const p = await profiles.get('p1').promise;
    expect(p).to.be.instanceOf(Profile);
    expect(p!.code).to.equal('ABC');
    expect(p!.password).to.equal('secret');
    expect(p!.address).to.be.instanceOf(Address);
    expect(p!.address!.label()).to.equal('London NW1');
    expect(p!.born).to.be.instanceOf(Date);
    expect(p!.born!.getTime()).to.equal(Date.UTC(1815, 11, 10));
    expect(p!.fullName).to.equal('Ada Lovelace');
  });

  it('toPlain(entity) is instanceToPlain: @Exclude hides, @Expose getters show, nested classes become plain', async () => {
    await raw.hset(`${PROFILES}{p2}`, { first: 'Ada', last: 'L', password: 'secret', address: '{"city":"Paris"}' });
    const p = await profiles.get('p2').promise;
    const plain = profiles.toPlain(p!);
    expect(plain).to.not.have.property('password');
    expect(plain).to.not.have.property('hidden');
    expect(plain.fullName).to.equal('Ada L');
    expect(plain.address).to.deep.equal({ city: 'Paris' });
    expect(plain.address).to.not.be.instanceOf(Address);
    expect(JSON.parse(JSON.stringify(plain))).to.deep.include({ id: 'p2', first: 'Ada', fullName: 'Ada L' });
  });

  it('a loaded entity with a @Type-d nested class saves back unchanged', async () => {
    await raw.hset(`${PROFILES}{p3}`, { first: 'Ada', address: '{"city":"Rome","zip":"00100"}' });
    const p = await profiles.get('p3').promise;
    p!.first = 'Adele';
    await profiles.save(p!).promise;
    const back = await profiles.get('p3').promise;
    expect(back!.first).to.equal('Adele');
    expect(back!.address).to.be.instanceOf(Address);
    expect({ ...back!.address }).to.deep.equal({ city: 'Rome', zip: '00100' });
  });

  it('create(data) applies class-transformer and writes nothing; nested validation reports address.city', async () => {
    const p = profiles.create({ id: 'p4', first: 'x', address: { city: '' } as Address });
    expect(p).to.be.instanceOf(Profile);
    expect(p.address).to.be.instanceOf(Address);
    expect(await raw.exists(`${PROFILES}{p4}`)).to.equal(0);
    let error: unknown;
    try {
      profiles.save(p);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => `${v.property}:${v.constraint}`)).to.deep.equal(['address.city:isLength']);
  });
});
