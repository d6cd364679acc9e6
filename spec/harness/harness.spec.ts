// Tests of the test harness itself, against the real servers it provides.
import { performance } from 'node:perf_hooks';
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  clientThroughProxy,
  flushIfOwned,
  namespace,
  newClient,
  redisEndpoint,
  redisUrl,
  startProxy,
  uniqueKey,
} from './index.js';

/** `run_id` from INFO server: differs between two server processes. */
async function runId(client: Redis): Promise<string> {
  const info = await client.info('server');
  const match = /^run_id:(\w+)/m.exec(info);
  if (!match?.[1]) throw new Error('INFO server has no run_id');
  return match[1];
}

describe('test harness', () => {
  describe('servers', () => {
    it('answers PING on primary and secondary', async () => {
      expect(redisUrl()).to.match(/^redis:\/\//);
      expect(redisUrl('secondary')).to.match(/^redis:\/\//);
      expect(await newClient().ping()).to.equal('PONG');
      expect(await newClient('secondary').ping()).to.equal('PONG');
    });

    it('gives primary and secondary different servers (or databases when REDIS_URL is shared)', async () => {
      const [a, b] = [redisEndpoint('primary'), redisEndpoint('secondary')];
      const [idA, idB] = await Promise.all([runId(newClient('primary')), runId(newClient('secondary'))]);
      expect(`${idA}/${a.db}`).to.not.equal(`${idB}/${b.db}`);
      if (a.owned && b.owned) {
        expect(idA).to.not.equal(idB);
        expect(a.port === b.port && a.host === b.host).to.equal(false);
      }
    });

    it('flushIfOwned flushes only servers the harness started', async () => {
      const client = newClient('secondary');
      const key = uniqueKey('flush');
      await client.set(key, 'x');
      const flushed = await flushIfOwned('secondary');
      expect(flushed).to.equal(redisEndpoint('secondary').owned);
      expect(await client.exists(key)).to.equal(flushed ? 0 : 1);
      await client.del(key);
    });
  });

  describe('RoundTripProxy', () => {
    it('forwards traffic and starts counting after the connection handshake', async () => {
      const proxy = await startProxy();
      expect(proxy.url).to.equal(`redis://127.0.0.1:${proxy.port}`);
      const client = await clientThroughProxy(proxy);
      expect(proxy.connections).to.equal(1);
      expect(proxy.roundTrips).to.equal(0);
      expect(await client.ping()).to.equal('PONG');
      expect(proxy.roundTrips).to.equal(1);
      proxy.reset();
      expect(proxy.roundTrips).to.equal(0);
    });

    it('counts a pipeline of 2,000 commands as 1 round trip', async () => {
      const proxy = await startProxy();
      const client = await clientThroughProxy(proxy);
      const prefix = uniqueKey('pipe');
      const value = 'v'.repeat(100); // ~300 KB in all: arrives at the proxy in several TCP chunks
      const keys = Array.from({ length: 2000 }, (_, i) => `${prefix}:${i}`);
      const pipeline = client.pipeline();
      for (const key of keys) pipeline.set(key, value, 'EX', 60);
      const results = await pipeline.exec();
      expect(results).to.have.length(2000);
      expect(results?.every(([err, reply]) => err === null && reply === 'OK')).to.equal(true);
      expect(proxy.roundTrips).to.equal(1);
      await newClient().unlink(...keys); // REDIS_URL servers are shared: leave nothing behind
    });

    it('counts 100 awaited sequential commands as 100 round trips', async () => {
      const proxy = await startProxy();
      const client = await clientThroughProxy(proxy);
      const key = uniqueKey('seq');
      for (let i = 0; i < 100; i++) await client.incr(key);
      expect(proxy.roundTrips).to.equal(100);
      expect(await newClient().get(key)).to.equal('100');
      await client.del(key);
    });

    it('adds latencyMs to each reply', async () => {
      const latencyMs = 50;
      const proxy = await startProxy('primary', { latencyMs });
      const client = await clientThroughProxy(proxy);
      const started = performance.now();
      await client.ping();
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.at.least(latencyMs);
      expect(proxy.roundTrips).to.equal(1);
    });

    it('proxies to the secondary server too', async () => {
      const proxy = await startProxy('secondary');
      const client = await clientThroughProxy(proxy);
      expect(await runId(client)).to.equal(await runId(newClient('secondary')));
      expect(proxy.roundTrips).to.equal(1);
    });
  });

  describe('unique names', () => {
    it('gives a different uniqueKey on every call', () => {
      const keys = new Set(Array.from({ length: 1000 }, () => uniqueKey()));
      expect(keys.size).to.equal(1000);
      expect(uniqueKey('user')).to.match(/^user:/);
      expect(uniqueKey('a')).to.not.equal(uniqueKey('a'));
    });

    it('gives a different namespace on every call', () => {
      expect(namespace()).to.not.equal(namespace());
    });
  });
});
