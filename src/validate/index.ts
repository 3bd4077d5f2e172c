/**
 * The validator's public surface (a contract with the CLI): list the rules, run them over a Document, read a
 * config file. Rules live one per module in ./rules/<family>/<name>.ts and are listed in ./registry.ts.
 */
import type { Document, Finding } from "../model/types.ts";
import { readConfigFile } from "./config.ts";
import { knownSelectors, RULES } from "./registry.ts";
import { runRules } from "./run.ts";
import type { RuleInfo, ValidateOptions, ValidatorConfig } from "./types.ts";

export type { RuleInfo, ValidateOptions, ValidatorConfig } from "./types.ts";

export function listRules(): RuleInfo[] {
  return RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description }));
}

/**
 * Check a document. `enable`/`disable` (in options, or in a config object from loadConfig) select rules by id
 * or family; `config.severity` overrides severities (an id beats its family; "off" disables);
 * `config.thresholds` overrides the numbers listed in THRESHOLDS (src/validate/config.ts).
 */
export function validate(doc: Document, options: ValidateOptions = {}): Finding[] {
  return runRules(doc, options);
}

/** Read a JSON config file (thresholds, severities, enable/disable); throws JixiaoError("usage") on a bad file. */
export async function loadConfig(path: string): Promise<ValidatorConfig & { enable?: string[]; disable?: string[] }> {
  return readConfigFile(path, knownSelectors());
}

export { THRESHOLDS } from "./config.ts";
