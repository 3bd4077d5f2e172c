#!/usr/bin/env node
// The CLI entry: runs the compiled CLI (dist/ is built by `npm ci` / `npm install` through `prepare`).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Bugs only: user-facing errors are handled inside main() as one line.
    process.stderr.write(`jixiao: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
