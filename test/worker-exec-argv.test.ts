import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { refusedFlags, spawnWorker, workerExecArgv } from "../src/worker-exec-argv.ts";

/** Start a worker that exits at once; resolves with its exit code (throws as `new Worker` does). */
function runWorker(make: () => Worker): Promise<number> {
  const w = make();
  return new Promise((resolve, reject) => {
    w.on("error", reject);
    w.on("exit", resolve);
  });
}

const heapAndV8 = [
  "--max-old-space-size=4096",
  "--max-semi-space-size=64",
  "--max_old_space_size=100",
  "--max-young-generation-size=16",
  "--initial-old-space-size=100",
  "--max-heap-size=1000",
  "--stack-size=2000",
  "--expose-gc",
  "--stack-trace-limit=50",
  "--title=x",
  "--v8-pool-size=2",
];

describe("workerExecArgv", () => {
  it("keeps the process's options but drops --input-type, which a file worker refuses", () => {
    expect(workerExecArgv(["--input-type=module", "-e", "x", "--cpu-prof"])).toEqual(["-e", "x", "--cpu-prof"]);
    expect(workerExecArgv(["--input-type", "module", "--cpu-prof"])).toEqual(["--cpu-prof"]);
    expect(workerExecArgv([])).toEqual([]);
  });

  it("drops V8 heap flags and per-process options: a worker refuses them (its heap limits come from resourceLimits)", async () => {
    expect(workerExecArgv([...heapAndV8, "--import=tsx", "--no-warnings", "--conditions", "dev"])).toEqual([
      "--import=tsx",
      "--no-warnings",
      "--conditions",
      "dev",
    ]);
    expect(workerExecArgv(["--title", "jixiao", "--enable-source-maps"])).toEqual(["--enable-source-maps"]);
    // The filtered list is one a worker really accepts.
    const code = await runWorker(
      () => new Worker("process.exit(0)", { eval: true, execArgv: workerExecArgv([...heapAndV8, "--enable-source-maps"]) }),
    );
    expect(code).toBe(0);
  });

  it("spawnWorker drops whatever else Node refuses, as named in its error", async () => {
    let refused: unknown;
    try {
      new Worker("0", { eval: true, execArgv: ["--max-lazy", "--no-warnings"] });
    } catch (err) {
      refused = err;
    }
    expect(refusedFlags(refused)).toEqual(["--max-lazy"]);
    const code = await runWorker(() => spawnWorker("process.exit(0)", { eval: true }, ["--max-lazy", "--no-warnings"]));
    expect(code).toBe(0);
  });
});
