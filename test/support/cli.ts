import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'src', 'cli.js');

export interface StartedCli {
  child: ChildProcess;
  url: string;
  /** Everything the process printed on stdout up to its start-up lines. */
  output: string;
}

/**
 * Starts the built CLI and resolves once it prints the URL it listens on. Its Kafka listener takes
 * a free port unless the caller says otherwise, so that parallel test files never collide on 9092.
 */
export function startCli(args: string[], env: Record<string, string> = {}, cli = CLI): Promise<StartedCli> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CCLOUD_EMULATOR_KAFKA_PORT: '0', ...env } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}${err}`)), 20_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)[\s\S]*api secret:\s+\S+\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: out });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}${err}`)));
  });
}

/** Stops a child process and waits for it to exit. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill(signal);
  return exited;
}
