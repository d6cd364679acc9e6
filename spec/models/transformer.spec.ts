// class-transformer: entities come back as real class instances (methods work) and the decorators behave
// as declared: @Exclude hides a property from toPlain, @Expose({ name }) renames it there (the stored
// member is the field's), @Transform applies on load, @Type(() => Date) keeps Dates.
import { expect } from 'chai';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import { DateTime, Entity, Field, Integer, Model, pipeline, Repository, Text } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from './support.js';

@Model(uniqueKey('TP'))
class Profile extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Exclude({ toPlainOnly: true }) @Field(Text) passwordHash?: string;
  @Exclude() @Field(Text) internal?: string;
  @Expose({ name: 'emailAddress' }) @Field(Text) email?: string;
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value), { toClassOnly: true })
  @Field(Text)
  nick?: string;
  @Type(() => Date) @Field(DateTime) joined?: Date;
  @Field(Integer) logins?: number;

  display(): string {
    return `${this.name ?? '?'} <${this.email ?? '?'}>`;
  }

  checks(hash: string): boolean {
    return this.passwordHash === hash;
  }
}

const profiles = new Repository(Profile);

describe('models: class-transformer', () => {
  const servers = useServers();
  const raw = () => servers.primary;

  it('entities come back as real class instances whose methods work (get, getMany, load, scan)', async () => {
    await raw().hset(profiles.key('p1'), { name: 'Ann', email: 'ann@example.com', logins: '3' });
    const pipe = pipeline();
    const got = profiles.get('p1', pipe);
    const many = profiles.getMany(['p1'], pipe);
    const loaded = profiles.load('p1', ['email'], pipe);
    await pipe.execute();
    for (const entity of [got.result, many.result[0], loaded.result]) expect(entity).to.be.instanceOf(Profile);
    expect(got.result!.display()).to.equal('Ann <ann@example.com>');
    expect(loaded.result!.display()).to.equal('? <ann@example.com>');
    for await (const p of profiles.scan({ match: 'p1' })) expect(p.display()).to.equal('Ann <ann@example.com>');
  });

  it('@Exclude({ toPlainOnly: true }) loads the field but hides it from toPlain', async () => {
    await raw().hset(profiles.key('p2'), { name: 'Bo', passwordHash: 'h4sh' });
    const bo = (await profiles.get('p2').promise)!;
    expect(bo.passwordHash).to.equal('h4sh');
    expect(bo.checks('h4sh')).to.equal(true);
    expect(profiles.toPlain(bo)).to.not.have.property('passwordHash');
    expect(JSON.stringify(profiles.toPlain(bo))).to.not.include('h4sh');
  });

  it('@Exclude() hides the field from toPlain; a save of such an entity never deletes the stored value', async () => {
    await raw().hset(profiles.key('p3'), { name: 'Cy', internal: 'secret' });
    const cy = (await profiles.get('p3').promise)!;
    expect(profiles.toPlain(cy)).to.not.have.property('internal');
    expect(profiles.toPlain(profiles.create({ id: 'x', internal: 'secret' }))).to.not.have.property('internal');
    cy.name = 'Cyd';
    await profiles.save(cy).promise;
    expect(await raw().hgetall(profiles.key('p3'))).to.deep.equal({ name: 'Cyd', internal: 'secret' });
  });

  it('@Expose({ name }) renames the property in toPlain only: the field loads from its own member', async () => {
    await profiles.save(profiles.create({ id: 'p4', name: 'Di', email: 'di@example.com' })).promise;
    expect(await raw().hgetall(profiles.key('p4'))).to.deep.equal({ name: 'Di', email: 'di@example.com' });
    const di = (await profiles.get('p4').promise)!;
    expect(di.email).to.equal('di@example.com');
    expect(profiles.toPlain(di)).to.include({ emailAddress: 'di@example.com' }).and.not.have.property('email');
    const loaded = (await profiles.load('p4', ['email']).promise)!;
    expect(loaded.email).to.equal('di@example.com');
  });

  it('@Transform({ toClassOnly }) applies on load; what is stored is left alone', async () => {
    await raw().hset(profiles.key('p5'), { nick: '  BigEd ' });
    expect((await profiles.get('p5').promise)!.nick).to.equal('biged');
    expect((await profiles.load('p5', ['nick']).promise)!.nick).to.equal('biged');
    expect(await raw().hget(profiles.key('p5'), 'nick')).to.equal('  BigEd ');
  });

  it('@Type(() => Date) on a DateTime field keeps a real Date, and toPlain keeps it too', async () => {
    const joined = new Date('2024-02-29T12:34:56.789Z');
    await profiles.save(profiles.create({ id: 'p6', joined })).promise;
    expect(await raw().hget(profiles.key('p6'), 'joined')).to.equal(String(joined.getTime()));
    const back = (await profiles.get('p6').promise)!;
    expect(back.joined).to.be.instanceOf(Date);
    expect(back.joined!.getTime()).to.equal(joined.getTime());
    expect(profiles.toPlain(back).joined).to.be.instanceOf(Date);
  });

  it('create applies the same decorators as a load', () => {
    const made = profiles.create({ id: 'p7', nick: ' X ', joined: new Date(5) });
    expect(made).to.be.instanceOf(Profile);
    expect(made.nick).to.equal('x');
    expect(made.joined).to.deep.equal(new Date(5));
  });
});
