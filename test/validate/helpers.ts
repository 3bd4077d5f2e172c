import type { Finding, Project } from "../../src/model/types.ts";
import { validate, type ValidateOptions } from "../../src/validate/index.ts";
import { doc } from "./factory.ts";

/** Findings of the rules in `family` (a family or a rule id) for these projects. */
export function check(family: string, projects: Project[], options: ValidateOptions = {}): Finding[] {
  return validate(doc(projects), { ...options, enable: [family] });
}

/** Findings at warning or error level: what "silent" must not produce. */
export function loud(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== "info");
}

export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.rule} ${f.project}: ${f.message}`);
}
