import { describe, expect, it } from "vitest";
import { workerExecArgv } from "../src/worker-exec-argv.ts";

describe("workerExecArgv", () => {
  it("keeps the process's options but drops --input-type, which a file worker refuses", () => {
    expect(workerExecArgv(["--input-type=module", "-e", "x", "--stack-size=2000"])).toEqual(["-e", "x", "--stack-size=2000"]);
    expect(workerExecArgv(["--input-type", "module", "--cpu-prof"])).toEqual(["--cpu-prof"]);
    expect(workerExecArgv([])).toEqual([]);
  });
});
