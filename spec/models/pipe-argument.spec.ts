// What goes where the pipe goes: options may stand in for it when there is no pipe
// (`save(user, { nx: true })`), and anything that is not a Pipeline is refused with a clear error.
import { expect } from 'chai';
import {
  Entity, Field, Model, pipeline, PipelineUsageError, Repository, SortedSetKeyspace, Text, type Pipeline,
} from '../../lib/index.js';
import { thrown } from '../harness/assertions.js';
import { uniqueKey } from '../harness/index.js';
import { useServers as bindServers } from '../harness/servers.js';

const KEYSPACE = uniqueKey('PA');

@Model(KEYSPACE)
class Note extends Entity {
  id!: string;
  @Field(Text) title?: string;
  @Field(Text) body?: string;
}

class Scores extends SortedSetKeyspace {
  static override keyspace = uniqueKey('PS');
}

const notes = new Repository(Note);

describe('models: options in the pipe position, and non-pipes refused', () => {
  const servers = bindServers('pipe-argument');

  it('save(entity, { nx: true }) without a pipe writes only missing members, in its own round trip', async () => {
    await servers.primary.hset(`${KEYSPACE}{1}`, 'title', 'kept');
    const note = notes.create({ id: '1', title: 'ignored', body: 'added' });
    await notes.save(note, { nx: true }).promise;
    expect(await servers.primary.hgetall(`${KEYSPACE}{1}`)).to.deep.equal({ title: 'kept', body: 'added' });
    expect(note.title).to.equal('kept');
  });

  it('update(id, changes, { validated: true }) without a pipe applies the changes', async () => {
    await notes.update('2', { title: 'fresh' }, { validated: true }).promise;
    expect(await servers.primary.hget(`${KEYSPACE}{2}`, 'title')).to.equal('fresh');
  });

  it('a raw ioredis pipeline or a string where the pipe goes is refused naming what was given; nothing is sent', async () => {
    const raw = servers.primary.pipeline() as unknown as Pipeline;
    const error = thrown(() => notes.get('3', raw));
    expect(error).to.be.instanceOf(PipelineUsageError);
    expect(error.message).to.include('expected a redpipe Pipeline').and.include('Pipeline');
    expect(thrown(() => notes.delete(['3'], 'oops' as unknown as Pipeline)).message).to.include('got string');
    expect(thrown(() => new Scores('1', { name: 'x' } as unknown as Pipeline).zadd('a', 1)).message).to.include('a plain object');
    expect(thrown(() => notes.save(notes.create({ id: '3', title: 't' }), raw)).message).to.include('expected a redpipe Pipeline');
    expect(await servers.primary.exists(`${KEYSPACE}{3}`)).to.equal(0);
  });

  it('a real pipeline is still accepted in every position', async () => {
    const pipe = pipeline();
    const saved = notes.save(notes.create({ id: '4', title: 'p' }), pipe, { nx: true });
    const read = notes.get('4', pipe);
    await pipe.execute();
    expect(saved.result.title).to.equal('p');
    expect(read.result?.title).to.equal('p');
  });
});
