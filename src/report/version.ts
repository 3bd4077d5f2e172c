/** jixiao's version, read from the package.json above this module (src/ when run from source, dist/ when built). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function toolVersion(): string {
  if (cached !== undefined) return cached;
  cached = "0.0.0";
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "jixiao" && pkg.version) {
        cached = pkg.version;
        break;
      }
    } catch {
      // not here: look one level up
    }
    dir = dirname(dir);
  }
  return cached;
}
