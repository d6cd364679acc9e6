// Model definitions: inheritance (a subclass adds and overrides fields, overrides keyspace, connection and
// ttl; the parent is unaffected) and the definition errors thrown when a class is defined.
import { expect } from 'chai';
import {
  BooleanField, Entity, Field, Float, Integer, InvalidValueError, Model, ModelDefinitionError, pipeline, Repository,
  RequiredFieldError, Text, type Codec,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { SECONDARY, thrown, useServers } from './support.js';

const PERSON = uniqueKey('IP');
const EMPLOYEE = uniqueKey('IE');
const MANAGER = uniqueKey('IM');

@Model(PERSON, { ttl: 1000 })
class Person extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Integer) age?: number;

  hello(): string {
    return `I am ${this.name}`;
  }
}

@Model(EMPLOYEE, { connection: SECONDARY })
class Employee extends Person {
  @Field(Text) company?: string;
  @Field(Float) override age?: number;

  override hello(): string {
    return `${super.hello()} of ${this.company ?? 'nowhere'}`;
  }
}

@Model(MANAGER, { ttl: 50 })
class Manager extends Employee {
  @Field(Integer, { default: 0 }) reports?: number;
}

/** No @Model of its own: inherits Person's keyspace, connection and ttl. */
class Intern extends Person {
  @Field(BooleanField) paid?: boolean;
}

const people = new Repository(Person);
const employees = new Repository(Employee);
const managers = new Repository(Manager);
const interns = new Repository(Intern);

describe('models: inheritance', () => {
  const servers = useServers();

  it('a subclass inherits and extends the fields; the parent keeps only its own', () => {
    expect([...people.meta.fields.keys()]).to.deep.equal(['name', 'age']);
    expect(people.meta.fields.get('age')!.codec).to.equal(Integer);
    expect([...employees.meta.fields.keys()]).to.have.members(['name', 'age', 'company']);
    expect(employees.meta.fields.get('age')!.codec).to.equal(Float);
    expect([...managers.meta.fields.keys()]).to.have.members(['name', 'age', 'company', 'reports']);
    expect([...interns.meta.fields.keys()]).to.deep.equal(['name', 'age', 'paid']);
    expect([people.meta.keyspace, people.meta.connection, people.meta.ttl]).to.deep.equal([PERSON, undefined, 1000]);
    expect([employees.meta.keyspace, employees.meta.connection, employees.meta.ttl]).to.deep.equal([EMPLOYEE, SECONDARY, 1000]);
    expect([managers.meta.keyspace, managers.meta.connection, managers.meta.ttl]).to.deep.equal([MANAGER, SECONDARY, 50]);
    expect([interns.meta.keyspace, interns.meta.connection, interns.meta.ttl]).to.deep.equal([PERSON, undefined, 1000]);
  });

  it('subclass records go to its own keyspace and connection, with the inherited ttl and required fields', async () => {
    const pipe = pipeline();
    employees.save(employees.create({ id: '1', name: 'Eve', age: 30.5, company: 'Acme' }), pipe);
    managers.save(managers.create({ id: '1', name: 'Max', company: 'Acme' }), pipe);
    people.save(people.create({ id: '1', name: 'Pat', age: 40 }), pipe);
    await pipe.execute();
    const { primary, secondary } = servers;
    expect(await secondary.hgetall(`${EMPLOYEE}{1}`)).to.deep.equal({ name: 'Eve', age: '30.5', company: 'Acme' });
    expect(await secondary.hgetall(`${MANAGER}{1}`)).to.deep.equal({ name: 'Max', company: 'Acme', reports: '0' });
    expect(await primary.hgetall(`${PERSON}{1}`)).to.deep.equal({ name: 'Pat', age: '40' });
    expect(await primary.exists(`${EMPLOYEE}{1}`, `${MANAGER}{1}`)).to.equal(0);
    expect(await secondary.ttl(`${EMPLOYEE}{1}`)).to.be.within(990, 1000);
    expect(await secondary.ttl(`${MANAGER}{1}`)).to.be.within(40, 50);
    expect(() => employees.save(employees.create({ id: '2', company: 'Acme' }))).to.throw(RequiredFieldError, "'name'");
  });

  it('entities come back as instances of the subclass, with overridden methods', async () => {
    await servers.secondary.hset(`${EMPLOYEE}{2}`, { name: 'Eve', company: 'Acme', age: '1.5' });
    const eve = (await employees.get('2').promise)!;
    expect(eve).to.be.instanceOf(Employee).and.instanceOf(Person);
    expect(eve.hello()).to.equal('I am Eve of Acme');
    expect(eve.age).to.equal(1.5);
    expect(Employee.core('2').connection).to.equal(SECONDARY);
    expect(await Employee.core('2').hget('company').promise).to.equal('Acme');
    const ids: string[] = [];
    for await (const id of employees.scanIds()) ids.push(id);
    expect(ids).to.include.members(['1', '2']); // scanned on the secondary, where its records are
  });

  it('the parent is unaffected: its field keeps its type and the child fields are undeclared members to it', async () => {
    expect(() => people.save(people.create({ id: '3', name: 'Pat', age: 1.5 }))).to.throw(InvalidValueError, 'Integer');
    await interns.save(interns.create({ id: '3', name: 'Ian', paid: true })).promise;
    const asPerson = (await people.get('3').promise)!;
    expect(asPerson).to.be.instanceOf(Person).and.not.instanceOf(Intern);
    expect({ ...asPerson }).to.deep.equal({ id: '3', name: 'Ian', paid: '1' });
    expect((await interns.get('3').promise)!.paid).to.equal(true);
    expect(Person.core('3').key).to.equal(`${PERSON}{3}`);
    expect(Intern.core('3').key).to.equal(`${PERSON}{3}`);
  });
});

describe('models: definition errors are thrown when the class is defined', () => {
  const definitionError = (define: () => unknown, ...parts: string[]): void => {
    const error = thrown(define);
    expect(error).to.be.instanceOf(ModelDefinitionError);
    for (const part of parts) expect(error.message).to.include(part);
  };

  it('no keyspace, or one that would move the hash tag', () => {
    definitionError(() => {
      @Model('')
      class NoKeyspace extends Entity {}
      return NoKeyspace;
    }, 'NoKeyspace', 'keyspace');
    definitionError(() => {
      @Model('a{b')
      class Braces extends Entity {}
      return Braces;
    }, 'Braces', '{');
  });

  it('a class never decorated with @Model fails at its first use', () => {
    class Bare extends Entity {
      @Field(Text) name?: string;
    }
    expect(() => new Repository(Bare)).to.throw(ModelDefinitionError, 'no keyspace');
    expect(() => Bare.core('1')).to.throw(ModelDefinitionError, 'no keyspace');
  });

  it('a field without a type', () => {
    definitionError(() => {
      class Untyped extends Entity {
        @Field(undefined as unknown as Codec<string>) name?: string;
      }
      return Untyped;
    }, 'Untyped.name', 'type');
    definitionError(() => {
      class NotACodec extends Entity {
        @Field({ name: 'looks like one' } as unknown as Codec<string>) name?: string;
      }
      return NotACodec;
    }, 'NotACodec.name');
  });

  it('two properties on one hash member, declared or inherited', () => {
    definitionError(() => {
      @Model(uniqueKey('D'))
      class Twins extends Entity {
        @Field(Text, { name: 'm' }) a?: string;
        @Field(Text, { name: 'm' }) b?: string;
      }
      return Twins;
    }, "'a'", "'b'", "'m'");
    definitionError(() => {
      @Model(uniqueKey('D'))
      class Clash extends Person {
        @Field(Text, { name: 'name' }) alias?: string;
      }
      return Clash;
    }, "'name'", "'alias'");
  });

  it('the key field declared as a field, or a member named like it', () => {
    definitionError(() => {
      @Model(uniqueKey('D'))
      class IdField extends Entity {
        @Field(Text) id?: string;
      }
      return IdField;
    }, 'IdField', "'id'", 'key field');
    definitionError(() => {
      @Model(uniqueKey('D'), { keyField: 'slug' })
      class SlugField extends Entity {
        @Field(Text) slug?: string;
      }
      return SlugField;
    }, "'slug'", 'key field');
    definitionError(() => {
      @Model(uniqueKey('D'))
      class MemberId extends Entity {
        @Field(Text, { name: 'id' }) other?: string;
      }
      return MemberId;
    }, "'other'", "'id'");
  });

  it('a bad ttl, or defaultFields naming something that is not a field', () => {
    for (const ttl of [0, -1, 1.5, NaN]) {
      definitionError(() => {
        @Model(uniqueKey('D'), { ttl })
        class BadTtl extends Entity {}
        return BadTtl;
      }, 'ttl');
    }
    definitionError(() => {
      @Model(uniqueKey('D'), { defaultFields: ['nope'] })
      class BadDefaults extends Entity {
        @Field(Text) name?: string;
      }
      return BadDefaults;
    }, "'nope'");
  });
});
