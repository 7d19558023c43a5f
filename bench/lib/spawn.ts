import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A server child process whose URL has been read from its stdout. */
export interface Spawned {
  proc: ChildProcess;
  url: string;
  /** performance.now() just before spawn(). */
  spawnedAt: number;
  /** performance.now() when the URL line arrived. */
  urlAt: number;
  /** Everything the process printed on stdout so far. */
  stdout(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Matches the line that announces the URL; group 1 is the URL. */
  urlPattern: RegExp;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const live = new Set<ChildProcess>();

// A bench that dies must not leave servers behind.
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

/** Spawns `node script args` and resolves once its stdout announces the URL. */
export function spawnServer(script: string, args: string[], o: SpawnOptions): Promise<Spawned> {
  const spawnedAt = performance.now();
  // BENCH_NODE_ARGS: flags for the servers' Node (`--cpu-prof --cpu-prof-dir=prof` profiles them under the bench's load).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: o.env ?? process.env });
  live.add(proc);
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8');
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (d: string) => {
    err += d;
    if (err.length > 64_000) err = err.slice(-32_000);
  });

  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  exited.then(() => live.delete(proc));
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<Spawned>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${script} ${args.join(' ')}: ${why}\n--- stdout ---\n${out}\n--- stderr ---\n${err}`));
    };
    const timer = setTimeout(() => fail(`no URL within ${o.timeoutMs ?? 30_000} ms`), o.timeoutMs ?? 30_000);
    let found = false;
    proc.stdout!.on('data', (d: string) => {
      out += d;
      if (found) return;
      const m = o.urlPattern.exec(out);
      if (!m) return;
      found = true;
      clearTimeout(timer);
      resolve({ proc, url: m[1], spawnedAt, urlAt: performance.now(), stdout: () => out, stop });
    });
    proc.once('exit', (code, signal) => {
      if (!found) fail(`exited (code ${code}, signal ${signal}) before printing its URL`);
    });
    proc.once('error', (e) => fail(e.message));
  });
}
