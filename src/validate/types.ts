/**
 * The validator's types. What callers pass and get (ValidateOptions, ValidatorConfig, RuleInfo: the public
 * surface of src/validate/index.ts), and what a rule is and what it sees: rules read only the Document model;
 * the runner (src/validate/run.ts) turns their drafts into Findings (rule id, document, project, final severity).
 */
import type { CellRef, Department, Document, Finding, Indicator, Project, Severity } from "../model/types.ts";
import type { Thresholds } from "./config.ts";

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

export type CellEvidence = Finding["cells"][number];

/** A project or a department-overall table: what most rules check, one at a time. */
export type Subject =
  | { kind: "project"; index: number; name: string | null; project: Project; indicators: Indicator[]; goal: string | null }
  | {
      kind: "department";
      index: number;
      name: string | null;
      department: Department;
      indicators: Indicator[];
      goal: string | null;
    };

/** A finding before the runner fills in rule id, document and project. */
export interface Draft {
  /** Null for document-level findings (合计 rows). */
  subject: Subject | null;
  message: string;
  cells: CellEvidence[];
  numbers?: Finding["numbers"];
  /** The severity this case deserves when it differs from the rule's default (e.g. a downgrade when ambiguous). */
  severity?: Severity;
}

export interface RuleContext {
  doc: Document;
  thresholds: Thresholds;
}

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

export interface SubjectRule extends RuleBase {
  /** Which subjects the rule applies to; both when omitted. */
  subjects?: Subject["kind"][];
  checkSubject(subject: Subject, ctx: RuleContext): Draft[];
}

export interface DocumentRule extends RuleBase {
  checkDocument(ctx: RuleContext): Draft[];
}

export type Rule = SubjectRule | DocumentRule;

export function isSubjectRule(rule: Rule): rule is SubjectRule {
  return "checkSubject" in rule;
}

export type { CellRef };
