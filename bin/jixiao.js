#!/usr/bin/env node
// The CLI entry: runs the compiled CLI (dist/ is built by `npm ci` / `npm install` through `prepare`).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
    // Never hang on a stray handle: once main() is done, give pending output a moment, then leave.
    setTimeout(() => process.exit(code), 3000).unref();
  },
  (err) => {
    // Bugs only: user-facing errors are handled inside main() as one line.
    process.stderr.write(`jixiao: internal error: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exitCode = 70;
  },
);
