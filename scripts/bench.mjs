#!/usr/bin/env node
// `npm run bench`: build, then the PDF bench (scripts/bench/pdf.mjs, when present) and the batch bench
// (scripts/bench/batch.mjs). Extra arguments go to the batch bench (e.g. `npm run bench -- --docs 2000`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);

function step(title, cmd, cmdArgs) {
  process.stdout.write(`\n== ${title} ==\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit" });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

let failed = 0;
if (step("build", "npm", ["run", "build", "--silent"]) !== 0) process.exit(1);
const pdfBench = `${root}scripts/bench/pdf.mjs`;
if (existsSync(pdfBench)) failed |= step("PDF", process.execPath, [pdfBench]) !== 0 ? 1 : 0;
else process.stdout.write("\n(no scripts/bench/pdf.mjs yet: PDF bench skipped)\n");
failed |= step("batch", process.execPath, [`${root}scripts/bench/batch.mjs`, ...args]) !== 0 ? 1 : 0;
process.exit(failed);
