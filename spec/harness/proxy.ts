// A TCP proxy in front of Redis that counts client/server round trips, so tests can assert
// "this whole operation cost exactly 1 round trip" instead of guessing from timings.
//
// Counting rule, per connection:
//  - server->client data is held until the client side has been quiet for QUIET_MS, then flushed
//    (after `latencyMs` more, if set, once per flush);
//  - a client->server chunk starts a new round trip if it is the connection's first chunk, or if
//    any server data was flushed to that client since the last counted chunk.
// So one big pipeline arriving in several TCP chunks counts 1, and a request sent after its
// predecessor's reply counts again.
//
// IMPORTANT: ioredis talks on every (re)connect before your code does: CLIENT SETINFO (unless
// `disableClientInfo`), the INFO ready check (unless `enableReadyCheck: false`), CLIENT SETNAME and
// SELECT when configured. Those count too. Use `clientThroughProxy()` from ./index.js (it resets the
// counter once the handshake is done), or call `await client.ping(); proxy.reset()` yourself.
import net from 'node:net';

/** Where the proxy forwards connections. */
export interface ProxyTarget {
  readonly host: string;
  readonly port: number;
}

/** Proxy tuning. */
export interface ProxyOptions {
  /** Extra delay before each flush of server data to the client, to simulate a remote Redis. */
  readonly latencyMs?: number;
}

const HOST = '127.0.0.1';
/** How long the client must be quiet before held replies are released (covers chunked writes). */
const QUIET_MS = 1;

/** A round-trip counting TCP proxy on a free loopback port. */
export class RoundTripProxy {
  private roundTripCount = 0;
  private connectionCount = 0;
  private readonly sockets = new Set<net.Socket>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: net.Server,
    /** The loopback port the proxy listens on. */
    readonly port: number,
    /** Where connections are forwarded. */
    readonly target: ProxyTarget,
    private readonly latencyMs: number,
  ) {}

  /** Starts a proxy to `target` on a free loopback port. */
  static async start(target: ProxyTarget, options: ProxyOptions = {}): Promise<RoundTripProxy> {
    const latencyMs = Math.max(0, options.latencyMs ?? 0);
    let proxy: RoundTripProxy | undefined;
    const server = net.createServer((client) => {
      if (proxy) proxy.accept(client);
      else client.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, HOST, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('proxy: could not read its own port');
    proxy = new RoundTripProxy(server, address.port, target, latencyMs);
    return proxy;
  }

  /** `redis://127.0.0.1:PORT` of the proxy (no db or credentials: see clientThroughProxy). */
  get url(): string {
    return `redis://${HOST}:${this.port}`;
  }

  /** Round trips over all connections since the last reset(). */
  get roundTrips(): number {
    return this.roundTripCount;
  }

  /** Client connections accepted since the proxy started (not affected by reset()). */
  get connections(): number {
    return this.connectionCount;
  }

  /** Sets the round-trip counter back to 0. */
  reset(): void {
    this.roundTripCount = 0;
  }

  /** Stops listening and destroys every proxied socket. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    });
    return this.closing;
  }

  private accept(client: net.Socket): void {
    this.connectionCount++;
    const upstream = net.connect({ host: this.target.host, port: this.target.port });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.once('close', () => this.sockets.delete(socket));
    }

    let flushedSinceCount = true; // so the connection's first chunk counts
    let held: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let inFlight = 0; // flushes waiting out latencyMs
    let upstreamEnded = false;

    const endClientIfDone = (): void => {
      if (upstreamEnded && held.length === 0 && inFlight === 0 && !client.destroyed) client.end();
    };
    const deliver = (data: Buffer): void => {
      if (client.destroyed) return;
      flushedSinceCount = true;
      if (!client.write(data)) {
        // Backpressure: stop reading replies until the client catches up.
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
    };
    const flush = (): void => {
      timer = undefined;
      if (held.length === 0) return endClientIfDone();
      const data = held.length === 1 ? held[0]! : Buffer.concat(held);
      held = [];
      if (this.latencyMs === 0) {
        deliver(data);
        return endClientIfDone();
      }
      inFlight++;
      // Same delay for every flush, and node runs equal-delay timers in order: replies stay ordered.
      setTimeout(() => {
        inFlight--;
        deliver(data);
        endClientIfDone();
      }, this.latencyMs);
    };
    const schedule = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, QUIET_MS);
    };

    client.on('data', (chunk: Buffer) => {
      if (flushedSinceCount) {
        this.roundTripCount++;
        flushedSinceCount = false;
      }
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
      // The client is still talking: postpone releasing held replies.
      if (held.length > 0) schedule();
    });
    upstream.on('data', (chunk: Buffer) => {
      held.push(chunk);
      if (!timer) schedule();
    });

    upstream.once('end', () => {
      upstreamEnded = true;
      if (timer) clearTimeout(timer);
      flush();
    });
    client.once('end', () => upstream.end());
    const destroyBoth = (): void => {
      if (timer) clearTimeout(timer);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', destroyBoth);
    upstream.on('error', destroyBoth);
    client.once('close', () => upstream.destroy());
  }
}
