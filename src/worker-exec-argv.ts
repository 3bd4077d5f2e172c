/**
 * The Node options our worker threads start with: the process's own (so `node --cpu-prof …`, `--stack-size`
 * and the like still reach them) minus the ones that only make sense for the main script. A worker loaded from
 * a file refuses `--input-type` ("can only be used with string input"), which a program importing jixiao from
 * `node --input-type=module -e …` has in its execArgv; inheriting it would make every PDF fail.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (a.startsWith("--input-type")) {
      if (a === "--input-type") i++; // its value is the next argument
      continue;
    }
    out.push(a);
  }
  return out;
}
