// Hash members: undeclared members are kept on load (as strings) and never dropped by save or update; the
// key field is never written into the hash and a member named like it is ignored on load; a custom
// keyField; fields stored under another member name.
import { expect } from 'chai';
import { Binary, Entity, Field, Integer, MissingIdError, Model, pipeline, Repository, Text, UnknownFieldError } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { thrown, useServers } from './support.js';

const CONTACTS = uniqueKey('MC');

@Model(CONTACTS)
class Contact extends Entity {
  id!: string;
  @Field(Text) name?: string;
  @Field(Integer, { name: 'a' }) age?: number;
  [extra: string]: unknown;
}

const BLOBS = uniqueKey('MB');

@Model(BLOBS)
class Blob extends Entity {
  id!: string;
  @Field(Binary) data?: Buffer;
  [extra: string]: unknown;
}

const ARTICLES = uniqueKey('MA');

@Model(ARTICLES, { keyField: 'slug' })
class Article extends Entity {
  slug!: string;
  @Field(Text) title?: string;
  @Field(Text) id?: string; // an ordinary field here: the key field is `slug`
}

const contacts = new Repository(Contact);
const blobs = new Repository(Blob);
const articles = new Repository(Article);

describe('models: undeclared hash members', () => {
  const servers = useServers();

  it('are kept on load as strings, and never dropped by save, update or nx save', async () => {
    const key = contacts.key('u1');
    await servers.primary.hset(key, { name: 'Ann', a: '30', legacy: 'v1 data', 'with space': '', num: '42' });
    const ann = (await contacts.get('u1').promise)!;
    expect({ ...ann }).to.deep.equal({ id: 'u1', name: 'Ann', age: 30, legacy: 'v1 data', 'with space': '', num: '42' });
    ann.name = 'Anna';
    const pipe = pipeline();
    contacts.save(ann, pipe);
    contacts.update(ann, { age: 31 }, pipe);
    contacts.save(contacts.create({ id: 'u1', name: 'other' }), pipe, { nx: true });
    await pipe.execute();
    expect(await servers.primary.hgetall(key)).to.deep.equal({ name: 'Anna', a: '31', legacy: 'v1 data', 'with space': '', num: '42' });
  });

  it('are not written by save: only declared fields are', async () => {
    const fresh = contacts.create({ id: 'u2', name: 'Bo', sneaky: 'not a field' });
    await contacts.save(fresh).promise;
    expect(await servers.primary.hgetall(contacts.key('u2'))).to.deep.equal({ name: 'Bo' });
  });

  it('on a binary model, they are read as text, or kept as bytes when they are not UTF-8', async () => {
    await servers.primary.hset(blobs.key('b1'), 'data', Buffer.from([0, 255]), 'label', Buffer.from('héllo'), 'raw', Buffer.from([0xff, 0xfe]));
    const blob = (await blobs.get('b1').promise)!;
    expect(blob.data).to.deep.equal(Buffer.from([0, 255]));
    expect(blob.label).to.equal('héllo');
    expect(blob.raw).to.deep.equal(Buffer.from([0xff, 0xfe]));
    expect(await blobs.pop(blob, 'data').promise).to.deep.equal(Buffer.from([0, 255]));
    expect(blob.data).to.equal(undefined);
    expect((await servers.primary.hkeys(blobs.key('b1'))).sort()).to.deep.equal(['label', 'raw']);
  });
});

describe('models: the key field', () => {
  const servers = useServers();

  it('is never written into the hash, and a member named like it is ignored on load', async () => {
    await contacts.save(contacts.create({ id: 'k1', name: 'Ann' })).promise;
    expect(await servers.primary.hkeys(contacts.key('k1'))).to.deep.equal(['name']);
    await servers.primary.hset(contacts.key('k1'), 'id', 'forged');
    const ann = (await contacts.get('k1').promise)!;
    expect(ann.id).to.equal('k1');
    const loaded = (await contacts.load('k1', ['name']).promise)!;
    expect(loaded.id).to.equal('k1');
    await contacts.save(ann).promise;
    expect(await servers.primary.hget(contacts.key('k1'), 'id')).to.equal('forged'); // never ours to write or drop
  });

  it('an entity without a usable id is refused (MissingIdError), nothing queued', () => {
    const pipe = pipeline();
    for (const id of [undefined, '', 5]) {
      const error = thrown(() => contacts.save(contacts.create({ id, name: 'x' } as never), pipe));
      expect(error).to.be.instanceOf(MissingIdError);
      expect(error.message).to.include("'id'");
    }
    expect(() => contacts.update(contacts.create({ name: 'x' }), { name: 'y' }, pipe)).to.throw(MissingIdError);
    expect(pipe.size).to.equal(0);
  });

  it('a field stored under another member name reads and writes that member', async () => {
    await contacts.save(contacts.create({ id: 'k2', age: 5 })).promise;
    expect(await servers.primary.hgetall(contacts.key('k2'))).to.deep.equal({ a: '5' });
    expect(await contacts.incr('k2', 'age', 2).promise).to.equal(7);
    expect(await contacts.pop('k2', 'age').promise).to.equal(7);
    expect(await servers.primary.exists(contacts.key('k2'))).to.equal(0);
    // a stray member named like the property (not its member) is not mistaken for the field
    await servers.primary.hset(contacts.key('k3'), { a: '1', age: 'stray' });
    expect({ ...(await contacts.get('k3').promise) }).to.deep.equal({ id: 'k3', age: 1 });
  });

  it("a custom keyField: the id comes from it, is never stored, and 'id' is an ordinary field", async () => {
    const post = articles.create({ slug: 'hello-world', title: 'Hello', id: 'legacy-17' });
    await articles.save(post).promise;
    expect(articles.key('hello-world')).to.equal(`${ARTICLES}{hello-world}`);
    expect(await servers.primary.hgetall(`${ARTICLES}{hello-world}`)).to.deep.equal({ title: 'Hello', id: 'legacy-17' });
    await servers.primary.hset(`${ARTICLES}{hello-world}`, 'slug', 'forged');
    const back = (await articles.get('hello-world').promise)!;
    expect({ ...back }).to.deep.equal({ slug: 'hello-world', title: 'Hello', id: 'legacy-17' });
    await articles.update(back, { title: 'Hi' }).promise;
    expect(back.title).to.equal('Hi');
    expect(await servers.primary.hget(`${ARTICLES}{hello-world}`, 'title')).to.equal('Hi');
    expect(() => articles.update('hello-world', { slug: 'moved' } as never)).to.throw(UnknownFieldError, 'key field');
    expect(() => articles.save(articles.create({ title: 'no slug', id: 'x' }))).to.throw(MissingIdError, "'slug'");
  });
});
