/** Run the selected rules over a document and turn their drafts into Findings. */
import type { Document, Finding } from "../model/types.ts";
import { configuredSeverity, resolveThresholds, selects } from "./config.ts";
import { RULES } from "./registry.ts";
import { subjectsOf } from "./subjects.ts";
import { isSubjectRule, type Draft, type Rule, type RuleContext, type ValidateOptions } from "./types.ts";

function selectedRules(options: ValidateOptions): Rule[] {
  const cfg = (options.config ?? {}) as ValidateOptions["config"] & { enable?: string[]; disable?: string[] };
  const enable = [...(options.enable ?? []), ...(cfg.enable ?? [])];
  const disable = [...(options.disable ?? []), ...(cfg.disable ?? [])];
  return RULES.filter(
    (r) =>
      (enable.length === 0 || enable.some((s) => selects(s, r.id))) &&
      !disable.some((s) => selects(s, r.id)) &&
      configuredSeverity(cfg.severity, r.id) !== "off",
  );
}

export function runRules(doc: Document, options: ValidateOptions): Finding[] {
  const ctx: RuleContext = { doc, thresholds: resolveThresholds(options.config?.thresholds) };
  const subjects = subjectsOf(doc);
  const findings: Finding[] = [];
  for (const rule of selectedRules(options)) {
    const drafts: Draft[] = isSubjectRule(rule)
      ? subjects.filter((s) => !rule.subjects || rule.subjects.includes(s.kind)).flatMap((s) => rule.checkSubject(s, ctx))
      : rule.checkDocument(ctx);
    const override = configuredSeverity(options.config?.severity, rule.id);
    for (const d of drafts) {
      const f: Finding = {
        rule: rule.id,
        severity: override && override !== "off" ? override : (d.severity ?? rule.severity),
        document: doc.source.path,
        project: d.subject ? d.subject.name : null,
        projectIndex: d.subject ? d.subject.index : null,
        kind: d.subject ? d.subject.kind : "document",
        cells: d.cells,
        message: d.message,
      };
      if (d.numbers && Object.keys(d.numbers).length) f.numbers = cleanNumbers(d.numbers);
      findings.push(f);
    }
  }
  return findings.sort(byPosition);
}

/** JSON has no Infinity: drop numbers that are not finite. */
function cleanNumbers(n: NonNullable<Finding["numbers"]>): NonNullable<Finding["numbers"]> {
  const out: NonNullable<Finding["numbers"]> = {};
  for (const k of ["expected", "actual", "difference"] as const) {
    const v = n[k];
    if (v !== undefined && Number.isFinite(v)) out[k] = v;
  }
  if (n.unit) out.unit = n.unit;
  return out;
}

const KIND_ORDER = { document: 0, department: 1, project: 2 } as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Document-level first, then departments and projects in document order; errors before warnings within one. */
function byPosition(a: Finding, b: Finding): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.projectIndex ?? -1) - (b.projectIndex ?? -1) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}
