/**
 * The Node options our worker threads start with: the process's own (so `node --cpu-prof …`, `--import tsx`,
 * `--conditions` and the like still reach them) minus the ones a worker refuses. `new Worker` throws
 * `ERR_WORKER_INVALID_EXEC_ARGV` for any option that is not a per-thread Node option, which would make every PDF
 * fail:
 *
 * - `--input-type`: a worker loaded from a file refuses it ("can only be used with string input"), and a program
 *   importing jixiao from `node --input-type=module -e …` has it in its execArgv;
 * - V8 options (`--max-old-space-size`, `--max-semi-space-size`, `--stack-size`, `--expose-gc`, `--jitless`…):
 *   V8 flags are process-wide and already apply to every thread; a worker's heap limits come from the pool's
 *   `resourceLimits` (see src/settings/limits.ts), not from flags;
 * - per-process Node options (`--title`, `--v8-pool-size`, `--icu-data-dir`, OpenSSL and report options…).
 *
 * The lists below cover what Node 20–24 refuses; `spawnWorker` also drops whatever else a future Node refuses
 * (the error names the flags), so an unlisted option costs one retry, never a failed file.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

/** V8 options, by name pattern (names normalised to dashes). */
const V8_OPTION = new RegExp(
  "^--(no-)?(" +
    [
      "(max|min|initial)-(old|semi|young|heap)[a-z-]*",
      "huge-max-old-generation-size",
      "stack-size",
      "stack-trace-limit",
      "expose-gc",
      "gc-[a-z-]+",
      "trace-gc[a-z-]*",
      "single-threaded(-gc)?",
      "optimize-for-size",
      "jitless",
      "opt",
      "lazy",
      "harmony[a-z-]*",
      "perf-[a-z-]+",
      "prof",
      "interpreted-frames-native-stack",
      "abort-on-uncaught-exception",
      "disallow-code-generation-from-strings",
      "enable-etw-stack-walking",
    ].join("|") +
    ")$",
);

/** Node options that are per process; those marked true may take their value as the next argument. */
const PER_PROCESS = new Map<string, boolean>([
  ["--input-type", true],
  ["--title", true],
  ["--v8-pool-size", true],
  ["--icu-data-dir", true],
  ["--openssl-config", true],
  ["--openssl-legacy-provider", false],
  ["--openssl-shared-config", false],
  ["--use-openssl-ca", false],
  ["--use-bundled-ca", false],
  ["--use-system-ca", false],
  ["--secure-heap", true],
  ["--secure-heap-min", true],
  ["--zero-fill-buffers", false],
  ["--report-on-fatalerror", false],
  ["--report-on-signal", false],
  ["--report-uncaught-exception", false],
  ["--report-compact", false],
  ["--report-dir", true],
  ["--report-directory", true],
  ["--report-filename", true],
  ["--report-signal", true],
  ["--heap-prof-dir", true],
  ["--experimental-strip-types", false],
  ["--trace-sigint", false],
  ["--node-memory-debug", false],
  ["--debug-arraybuffer-allocations", false],
]);

/** The option's name (before any `=`), underscores as dashes. */
function optionName(arg: string): string {
  const eq = arg.indexOf("=");
  return (eq < 0 ? arg : arg.slice(0, eq)).replace(/_/g, "-");
}

/** `execArgv` without the options a worker thread refuses. */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (!a.startsWith("--")) {
      out.push(a);
      continue;
    }
    const name = optionName(a);
    const takesValue = PER_PROCESS.get(name);
    if (takesValue !== undefined) {
      // its value is the next argument when not given with `=`
      if (takesValue && !a.includes("=") && i + 1 < execArgv.length && !execArgv[i + 1]!.startsWith("-")) i++;
      continue;
    }
    if (V8_OPTION.test(name)) continue; // V8 takes its options only as `--flag` or `--flag=value`
    out.push(a);
  }
  return out;
}

/** The flags an `ERR_WORKER_INVALID_EXEC_ARGV` error names ("…invalid execArgv flags: --a=1, --b"). */
export function refusedFlags(err: unknown): string[] {
  if ((err as NodeJS.ErrnoException | null)?.code !== "ERR_WORKER_INVALID_EXEC_ARGV") return [];
  const list = /flags:\s*(.*)$/.exec((err as Error).message.split("\n")[0]!)?.[1] ?? "";
  return list.split(/,\s*/).filter((f) => f.startsWith("-"));
}

let learned: { from: readonly string[]; args: string[] } | null = null;

/**
 * `new Worker(url, options)` with `execArgv: workerExecArgv()`; when Node still refuses some of them, those are
 * dropped (and remembered for the next worker) and the worker is created again.
 */
export function spawnWorker(
  url: URL | string,
  options: Omit<WorkerOptions, "execArgv">,
  execArgv: readonly string[] = process.execArgv,
): Worker {
  let args = learned && learned.from === execArgv ? learned.args : workerExecArgv(execArgv);
  for (let attempt = 0; ; attempt++) {
    try {
      const worker = new Worker(url, { ...options, execArgv: args });
      learned = { from: execArgv, args };
      return worker;
    } catch (err) {
      const refused = new Set(refusedFlags(err));
      const next = args.filter((a) => !refused.has(a) && !refused.has(optionName(a)));
      if (refused.size === 0 || next.length === args.length || attempt >= 3) throw err;
      args = next;
    }
  }
}
