// Throwaway redis-server processes for the test run: one per call, on a free loopback port,
// no persistence, killed on stop() or (as a backstop) when this process exits or is signalled.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running throwaway redis-server and how to reach and stop it. */
export interface RedisServerHandle {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** Kills the server and resolves once its port refuses connections. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const MAX_ATTEMPTS = 5;

/** Every server still alive, so the exit/signal backstop can kill it synchronously. */
const live = new Map<ChildProcess, string>();
let backstopInstalled = false;

/** True if an executable `redis-server` is on PATH. */
export function hasRedisServerBinary(): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, 'redis-server'), fsConstants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Starts a redis-server on a free loopback port and resolves once it answers PING. */
export async function startRedisServer(): Promise<RedisServerHandle> {
  installBackstop();
  let lastError: Error | undefined;
  // The port is free when we pick it, but someone may take it before redis binds: retry then.
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (err) {
      lastError = err instanceof Error ? err : new Error(String(err));
      if (!/address already in use|EADDRINUSE/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError ?? new Error('redis-server did not start');
}

async function startOnce(port: number): Promise<RedisServerHandle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redpipe-redis-'));
  const args = ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn('redis-server', [...args, '--loglevel', 'warning', '--logfile', ''], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.set(child, dir);
  // Keep draining the output (a full pipe would block redis) and keep its tail for error messages.
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let exited = false;
  let spawnError: Error | undefined;
  // 'close', not 'exit': by then all its output is read, e.g. "Address already in use" for a retry.
  child.once('close', () => {
    exited = true;
  });
  child.once('error', (err) => {
    spawnError = err;
    exited = true;
  });

  const fail = (why: string): Error => {
    forget(child, 'SIGKILL');
    return new Error(`redis-server on port ${port} ${why}${tail ? `:\n${tail.trim()}` : ''}`);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  // Wait on the port, not the pid: the server is usable exactly when it answers there. Check that
  // the answer comes from OUR process: if another run grabbed the port first, its server answers
  // while ours dies of "Address already in use", and we must retry, not borrow that server.
  for (;;) {
    if (spawnError) throw fail(`could not be spawned (${spawnError.message})`);
    if (exited) throw fail('exited during startup');
    if ((await probe(port, child.pid)) === 'ours') break;
    if (Date.now() > deadline) throw fail(`did not answer on its port within ${START_TIMEOUT_MS} ms`);
    await sleep(20);
  }

  let stopping: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    url: `redis://${HOST}:${port}`,
    stop: () => (stopping ??= stopServer(child, port, child.pid)),
  };
}

async function stopServer(child: ChildProcess, port: number, pid: number | undefined): Promise<void> {
  if (!hasExited(child)) child.kill('SIGTERM');
  try {
    await waitUntilGone(child, port, pid);
  } catch {
    child.kill('SIGKILL');
    await waitUntilGone(child, port, pid);
  } finally {
    forget(child);
  }
}

/**
 * Waits on the port, not the pid, until it refuses connections. Only if someone else's server
 * already answers there after our process has exited do we stop waiting without a refusal.
 */
async function waitUntilGone(child: ChildProcess, port: number, pid: number | undefined): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  for (;;) {
    const result = await probe(port, pid);
    if (result === 'refused' || (result === 'other' && hasExited(child))) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} still answers ${STOP_TIMEOUT_MS} ms after being killed`);
    await sleep(20);
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Kills (if asked), stops tracking, and deletes the server's temp dir; synchronous for exit handlers. */
function forget(child: ChildProcess, signal?: NodeJS.Signals): void {
  const dir = live.get(child);
  if (signal && !hasExited(child)) child.kill(signal);
  live.delete(child);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Asks who answers on the port: 'ours' if a redis-server with process id `pid` does (INFO server),
 * 'refused' if nothing listens, else 'other' (not ready yet, or someone else's server).
 */
function probe(port: number, pid: number | undefined): Promise<'ours' | 'refused' | 'other'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let reply = '';
    const done = (result: 'ours' | 'refused' | 'other'): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done('other'));
    socket.once('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      const header = /^\$(\d+)\r\n/.exec(reply);
      if (!header) {
        if (reply.includes('\r\n')) done('other'); // an error such as -LOADING
        return;
      }
      if (reply.length < header[0].length + Number(header[1])) return; // bulk reply not complete yet
      done(pid !== undefined && reply.includes(`\r\nprocess_id:${pid}\r\n`) ? 'ours' : 'other');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' ? 'refused' : 'other'));
    socket.once('close', () => done('other'));
  });
}

/** A loopback port the OS just handed out (listen on 0, then close). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Kills every live server synchronously: runs on exit and on fatal signals even if teardown never ran. */
function killAll(): void {
  for (const child of [...live.keys()]) forget(child, 'SIGKILL');
}

function installBackstop(): void {
  if (backstopInstalled) return;
  backstopInstalled = true;
  process.once('exit', killAll);
  // Signals end node without an 'exit' event (mocha's parent sends SIGINT then SIGTERM on Ctrl-C).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      process.removeListener(signal, onSignal);
      // Keep the default behaviour (die by that signal) unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
