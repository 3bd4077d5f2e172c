/**
 * JUnit XML for CI test tabs: a testsuite per document, a testcase per project and rule that found something
 * (failing when it found an error; warnings and info go to system-out), an <error> for an unreadable document,
 * and one passing testcase for a document without findings.
 */
import type { Finding } from "../model/types.ts";
import type { DocumentResult } from "./types.ts";
import { firstCellLabel, projectLabel } from "./location.ts";
import { xmlAttr, xmlText } from "./xml.ts";

interface Case {
  name: string;
  errors: Finding[];
  others: Finding[];
  readError?: string;
}

function line(f: Finding): string {
  const where = firstCellLabel(f);
  return `[${f.severity}] ${where ? where + " " : ""}${f.message}`;
}

function casesOf(r: DocumentResult): Case[] {
  if (r.error) return [{ name: "read document", errors: [], others: [], readError: r.error }];
  if (r.findings.length === 0) return [{ name: "all rules", errors: [], others: [] }];
  const cases = new Map<string, Case>();
  for (const f of r.findings) {
    const key = `${f.kind}:${f.projectIndex ?? ""}|${f.rule}`;
    if (!cases.has(key)) cases.set(key, { name: `${projectLabel(f)} › ${f.rule}`, errors: [], others: [] });
    const c = cases.get(key)!;
    (f.severity === "error" ? c.errors : c.others).push(f);
  }
  return [...cases.values()];
}

export function renderJunit(results: DocumentResult[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const cases = casesOf(r);
    const f = cases.filter((c) => c.errors.length).length;
    const e = cases.filter((c) => c.readError).length;
    tests += cases.length;
    failures += f;
    errors += e;
    const body = cases.map((c) => {
      const parts = [`    <testcase classname="${xmlAttr(r.document)}" name="${xmlAttr(c.name)}">`];
      if (c.readError) parts.push(`      <error message="${xmlAttr(c.readError)}" type="unreadable">${xmlText(c.readError)}</error>`);
      if (c.errors.length) {
        parts.push(
          `      <failure message="${xmlAttr(c.errors[0].message)}" type="${xmlAttr(c.errors[0].rule)}">${xmlText(c.errors.map(line).join("\n"))}</failure>`,
        );
      }
      if (c.others.length) parts.push(`      <system-out>${xmlText(c.others.map(line).join("\n"))}</system-out>`);
      parts.push("    </testcase>");
      return parts.join("\n");
    });
    suites.push(
      `  <testsuite name="${xmlAttr(r.document)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0">\n${body.join("\n")}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="jixiao" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    suites.join("\n") +
    (suites.length ? "\n" : "") +
    `</testsuites>\n`
  );
}
