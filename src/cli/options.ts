/** Parsers for option values (commander calls them; a throw becomes a one-line usage error, exit 2). */
import { InvalidArgumentError } from "commander";
import { JixiaoError } from "../errors.ts";
import type { ValidateOptions } from "../validate/index.ts";

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

export function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected seconds ≥ 0 (0: no limit)");
  return n;
}

/** `--enable a,b --enable c` → ["a", "b", "c"]. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

export interface RuleSelectionFlags {
  enable?: string[];
  disable?: string[];
  config?: string;
}

/** Rule selection from flags and an optional config file; unknown rule ids or families are usage errors. */
export async function validateOptionsFrom(flags: RuleSelectionFlags): Promise<ValidateOptions> {
  const { listRules, loadConfig } = await import("../validate/index.ts");
  const known = new Set<string>();
  for (const r of listRules()) {
    known.add(r.id);
    known.add(r.id.split("/")[0]);
  }
  for (const sel of [...(flags.enable ?? []), ...(flags.disable ?? [])]) {
    if (!known.has(sel)) throw new JixiaoError("usage", `unknown rule or family "${sel}" (see \`jixiao rules\`)`);
  }
  const options: ValidateOptions = {};
  if (flags.enable?.length) options.enable = flags.enable;
  if (flags.disable?.length) options.disable = flags.disable;
  if (flags.config) options.config = await loadConfig(flags.config);
  return options;
}
