import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Build dist/ once before the suite: the CLI (bin/jixiao.js) and batch worker threads run compiled JS. */
export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
