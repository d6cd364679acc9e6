// The core escape hatch (`User.core(id)`: the model's HashKeyspace, typed, with its codecs), missing
// records reading as null, and decode failures failing the read with a DecodeError naming key, member and
// raw value (never NaN), without failing the other reads of the pipeline.
import { expect } from 'chai';
import {
  BooleanField, DecodeError, Entity, Field, Float, HashKeyspace, Integer, Model, pipeline, Repository, Text, type Deferred,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { causeOf, rejection, SECONDARY, useServers } from './support.js';

const USERS = uniqueKey('CU');

@Model(USERS)
class User extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Integer) age?: number;
  @Field(Float) score?: number;
  @Field(BooleanField) admin?: boolean;
}

const FAR = uniqueKey('CF');

@Model(FAR, { connection: SECONDARY })
class Remote extends Entity {
  id!: string;
  @Field(Integer, { name: 'n' }) count?: number;
}

const users = new Repository(User);

describe('models: User.core(id), the escape hatch', () => {
  const servers = useServers();

  it("User.core('1').hget('name') returns the stored name, typed", async () => {
    await users.save(users.create({ id: '1', name: 'Bob', age: 42, admin: true })).promise;
    const name: Deferred<string | null> = User.core('1').hget('name');
    expect(await name.promise).to.equal('Bob');
    const age: Deferred<number | null> = User.core('1').hget('age');
    expect(await age.promise).to.equal(42);
    expect(await User.core('1').hget('admin').promise).to.equal(true);
    expect(await User.core('1').hget('score').promise).to.equal(null);
    const incremented: Deferred<number> = users.incr('1', 'age', 0);
    expect(await incremented.promise).to.equal(42);
    expect(User.core('1')).to.be.instanceOf(HashKeyspace);
    expect(User.core('1').key).to.equal(`${USERS}{1}`);
  });

  it('core writes (encoded with the field codecs) are visible to the repository, alone and pipelined', async () => {
    await User.core('2').hset({ name: 'Ann', age: 30, admin: false }).promise;
    expect(await servers.primary.hgetall(`${USERS}{2}`)).to.deep.equal({ name: 'Ann', age: '30', admin: '' });
    const pipe = pipeline();
    const core = User.core('2', pipe);
    core.hincrby('age', 5);
    core.hset('score', 1.25);
    const after = users.get('2', pipe);
    await pipe.execute();
    expect({ ...after.result }).to.deep.equal({ id: '2', name: 'Ann', age: 35, admin: false, score: 1.25 });
  });

  it("the core uses the model's connection and member names", async () => {
    await new Repository(Remote).save(Object.assign(new Remote(), { id: 'r', count: 7 })).promise;
    expect(Remote.core('r').connection).to.equal(SECONDARY);
    // The core is typed by property names but keyed by hash members: a renamed member needs a cast.
    expect(await Remote.core('r').hget('n' as 'count').promise).to.equal(7);
    expect(await servers.secondary.hgetall(`${FAR}{r}`)).to.deep.equal({ n: '7' });
  });
});

describe('models: missing records and decode failures', () => {
  const servers = useServers();

  it('a missing record reads as null through get, getMany and load, alone and batched', async () => {
    expect(await users.get('nobody').promise).to.equal(null);
    expect(await users.getMany(['nobody', 'none']).promise).to.deep.equal([null, null]);
    expect(await users.load('nobody', ['name', 'age']).promise).to.equal(null);
    const pipe = pipeline();
    const reads = [users.get('nobody', pipe), users.load('nobody', ['age'], pipe)];
    const many = users.getMany(['nobody'], pipe);
    await pipe.execute();
    expect([...reads.map((r) => r.result), many.result]).to.deep.equal([null, null, [null]]);
  });

  it("an Integer member holding 'abc' fails get with a DecodeError naming key, member and raw value", async () => {
    await servers.primary.hset(`${USERS}{bad}`, { name: 'Bad', age: 'abc' });
    const error = await rejection(users.get('bad').promise);
    const decode = causeOf(error, DecodeError);
    expect(decode.codec).to.equal('Integer');
    expect(decode.raw).to.equal('abc');
    expect(decode.message).to.include(`${USERS}{bad}`).and.include("'age'").and.include('"abc"');
    expect(error.message).to.include(`${USERS}{bad}`).and.include('"abc"');
  });

  it('a Text member holding bytes that are not UTF-8 fails the read (never a silent U+FFFD)', async () => {
    await servers.primary.hset(`${USERS}{latin1}`, 'name', Buffer.from([0x63, 0x61, 0x66, 0xe9])); // 'café' in Latin-1
    const viaModel = await rejection(users.get('latin1').promise);
    const decode = causeOf(viaModel, DecodeError);
    expect(decode.codec).to.equal('Text');
    expect(decode.message).to.include(`${USERS}{latin1}`).and.include("'name'").and.include('not valid UTF-8');
    const viaCore = await rejection(User.core('latin1').hget('name').promise);
    expect(causeOf(viaCore, DecodeError).message).to.include('not valid UTF-8');
  });

  it('the failing read fails alone: other reads of the pipeline get their values; never NaN', async () => {
    await servers.primary.hset(`${USERS}{bad2}`, { name: 'Bad', score: 'not-a-float', admin: '1' });
    await servers.primary.hset(`${USERS}{good}`, { name: 'Good', age: '3' });
    const pipe = pipeline();
    const bad = users.get('bad2', pipe);
    const good = users.get('good', pipe);
    const many = users.getMany(['good', 'bad2'], pipe);
    const partial = users.load('bad2', ['name', 'admin'], pipe);
    const loadBad = users.load('bad2', ['score'], pipe);
    const core = User.core('bad2', pipe).hget('score');
    await rejection(pipe.execute());
    expect(good.result!.age).to.equal(3);
    expect(partial.result!.name).to.equal('Bad');
    for (const failed of [bad, many, loadBad, core]) {
      const decode = causeOf(failed.error, DecodeError);
      expect(decode.message).to.include(`${USERS}{bad2}`).and.include('score').and.include('not-a-float');
      expect(() => failed.result).to.throw();
    }
  });

  it('other undecodable stored values fail the same way (Boolean, Float, Integer beyond 2^53)', async () => {
    const cases: [string, string, string][] = [
      ['admin', 'yes', 'Boolean'], ['score', '', 'Float'], ['age', '9007199254740993', 'Integer'], ['age', '1.5', 'Integer'],
    ];
    for (const [i, [member, raw, codec]] of cases.entries()) {
      await servers.primary.hset(`${USERS}{odd${i}}`, { name: 'x', [member]: raw });
      const decode = causeOf(await rejection(users.get(`odd${i}`).promise), DecodeError);
      expect([decode.codec, decode.raw], member).to.deep.equal([codec, raw]);
      expect(decode.message).to.include(`'${member}'`);
    }
  });
});
