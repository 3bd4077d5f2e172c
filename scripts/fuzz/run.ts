/**
 * Run the built CLI as a child process with a wall-clock limit, and measure its peak RSS by polling
 * /proc/<pid>/status (VmHWM: the process's high-water mark; worker threads share the process). Child processes
 * of the CLI, if any, are polled too and their peaks added.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by the harness after `limitMs`. */
  hung: boolean;
  /** Killed by the harness because RSS passed `rssKillMb`. */
  memoryKilled: boolean;
  /** Peak resident set of the process tree, MB (0 when it ended before the first poll). */
  peakRssMb: number;
  wallMs: number;
}

export interface RunOptions {
  cwd: string;
  limitMs: number;
  rssKillMb?: number;
  env?: NodeJS.ProcessEnv;
  /** Keep at most this much of stdout (bytes). */
  maxStdout?: number;
}

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone
  }
  return out;
}

/** `node <script> ...args` with a limit. Resolves when the process tree has ended (or was killed). */
export function runNode(script: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const maxStdout = opts.maxStdout ?? 64 << 20;
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const pid = child.pid ?? -1;
    let stdout = "";
    let stderr = "";
    let hung = false;
    let memoryKilled = false;
    const peaks = new Map<number, number>();
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (stdout.length < maxStdout) stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      if (stderr.length < 4 << 20) stderr += d;
    });
    let closed = false;
    const killTree = () => {
      if (closed) return;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const poll = () => {
      for (const p of [pid, ...childPids(pid)]) {
        const hwm = statusKb(p, "VmHWM");
        if (hwm > (peaks.get(p) ?? 0)) peaks.set(p, hwm);
      }
      const totalMb = [...peaks.values()].reduce((s, k) => s + k, 0) / 1024;
      if (opts.rssKillMb && totalMb > opts.rssKillMb && !memoryKilled) {
        memoryKilled = true;
        killTree();
      }
    };
    const poller = setInterval(poll, 50);
    const limit = setTimeout(() => {
      hung = true;
      // SIGTERM first (the CLI removes its temp files), then SIGKILL.
      if (closed) return;
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // gone
      }
      setTimeout(killTree, 2000).unref();
    }, opts.limitMs);
    child.on("close", (code, signal) => {
      clearInterval(poller);
      clearTimeout(limit);
      closed = true;
      const peakRssMb = Math.round([...peaks.values()].reduce((s, k) => s + k, 0) / 1024);
      resolvePromise({ code, signal, stdout, stderr, hung, memoryKilled, peakRssMb, wallMs: Date.now() - started });
    });
    poll();
  });
}
