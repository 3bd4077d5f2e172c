/** Spawn the built CLI (`node bin/jixiao.js …`) and collect its output; kill it if it hangs. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = `${ROOT}bin/jixiao.js`;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: {
    cwd?: string;
    input?: string | Buffer;
    timeoutMs?: number;
    closeStdout?: boolean;
    signalAfterMs?: number;
    keepStdinOpen?: boolean;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "1" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") });
    });
    child.stdin.on("error", () => undefined);
    if (opts.signalAfterMs !== undefined) setTimeout(() => child.kill("SIGINT"), opts.signalAfterMs);
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else if (!opts.keepStdinOpen) child.stdin.end();
  });
}

/** stderr split into lines, without the empty last one. */
export const lines = (s: string) => s.split("\n").filter((l) => l !== "");
