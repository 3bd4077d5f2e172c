/**
 * CONTRACT (stub, being implemented): the validator's public surface. Keep these signatures.
 */
import type { Document, Finding, Severity } from "../model/types.ts";

export interface RuleInfo {
  id: string; // family/name, stable
  severity: Severity; // default severity
  description: string; // one paragraph, plain language
}

export interface ValidateOptions {
  /** Rule ids or families to run exclusively (family = the part before `/`). */
  enable?: string[];
  /** Rule ids or families to skip. */
  disable?: string[];
  /** Thresholds and per-rule severity overrides, usually from a config file. */
  config?: ValidatorConfig;
}

export interface ValidatorConfig {
  severity?: Record<string, Severity | "off">;
  thresholds?: Record<string, number>;
}

export function listRules(): RuleInfo[] {
  return [];
}

export function validate(_doc: Document, _options: ValidateOptions = {}): Finding[] {
  return [];
}

/** Read a JSON config file (thresholds, severities, enable/disable); throws JixiaoError("usage") on a bad file. */
export async function loadConfig(_path: string): Promise<ValidatorConfig & { enable?: string[]; disable?: string[] }> {
  return {};
}
