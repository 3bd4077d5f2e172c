import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { reachesFailLevel, renderReport } from "../../src/report/index.ts";
import { escapeData, escapeProperty } from "../../src/report/github.ts";
import { listRules, validate } from "../../src/validate/index.ts";
import { doc } from "../validate/factory.ts";
import { seed000, seed002康复用品 } from "../validate/seed-projects.ts";
import { sampleResults } from "./fixtures.ts";

const require = createRequire(import.meta.url);

/** ajv-draft-04 and ajv-formats are CommonJS with a default export: take the function either way. */
interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvInstance {
  compile(schema: object): Validator;
}
const unwrap = <T>(m: unknown): T => (typeof m === "function" ? m : (m as { default: T }).default) as T;
const Ajv = unwrap<new (opts: object) => AjvInstance>(require("ajv-draft-04"));
const addFormats = unwrap<(ajv: AjvInstance) => void>(require("ajv-formats"));

function realResults() {
  const d = doc([seed000.无障碍改造(), seed000.意外伤害保险(), seed002康复用品()], { path: "seeds/000.pdf" });
  return [{ document: d.source.path, findings: validate(d), projects: 3, indicators: 20 }];
}

describe("text", () => {
  test("grouped by document and project with severity, cell, rule id and message; no ANSI unless asked", () => {
    const out = renderReport(sampleResults(), "text");
    expect(out).not.toMatch(/\x1b\[/);
    const lines = out.split("\n");
    const doc = lines.findIndex((l) => l.startsWith("docs/金凤区 2023.pdf"));
    const project = lines.findIndex((l) => l.includes("贫困残疾人家庭无障碍改造项目"));
    expect(doc).toBeGreaterThanOrEqual(0);
    expect(project).toBeGreaterThan(doc);
    expect(lines[project + 1]).toMatch(/^\s+error\s+p2 t2 r14 c4\s+cost-budget-mismatch\/unit-cost-times-quantity\s+单位成本/);
    expect(out).toContain("clean.docx");
    expect(out).toContain("no findings");
    expect(out).toContain("damaged file (truncated)");
    expect(lines.filter(Boolean).at(-1)).toBe("1 error(s), 1 warning(s), 1 info in 3 document(s), 1 unreadable");
  });
  test("colour when asked", () => {
    const out = renderReport(sampleResults(), "text", { color: true });
    expect(out).toContain("\x1b[31m");
    expect(out).toContain("\x1b[33m");
  });
});

describe("json", () => {
  test("round-trips the results", () => {
    const results = realResults();
    expect(JSON.parse(renderReport(results, "json"))).toEqual(results);
  });
});

describe("junit", () => {
  test("is well-formed XML with a suite per document, failures for errors, an error for an unreadable input", () => {
    const xml = renderReport(sampleResults(), "junit");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      htmlEntities: true,
      isArray: (n) => ["testsuite", "testcase"].includes(n),
    }).parse(xml);
    const root = parsed.testsuites;
    expect(root).toMatchObject({ tests: "5", failures: "1", errors: "1" });
    const suites = root.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(["docs/金凤区 2023.pdf", "clean.docx", "broken & <bad>.pdf"]);
    const first = suites[0].testcase;
    expect(first).toHaveLength(3);
    expect(first[0].name).toBe("贫困残疾人家庭无障碍改造项目（项目 #2） › cost-budget-mismatch/unit-cost-times-quantity");
    expect(first[0].failure.type).toBe("cost-budget-mismatch/unit-cost-times-quantity");
    // escaped text comes back intact (the control character is dropped)
    expect(first[0].failure["#text"]).toContain("<每户2500元> × 80 = 20万元 & 超过");
    expect(first[0].failure.message).toContain('"确认"\n第二行');
    expect(first[1].failure).toBeUndefined();
    expect(first[1]["system-out"]).toContain("[warning] t3 r5 c5");
    expect(suites[1].testcase[0].name).toBe("all rules");
    expect(suites[2].testcase[0].error.type).toBe("unreadable");
  });
  test("real findings parse too", () => {
    expect(XMLValidator.validate(renderReport(realResults(), "junit"))).toBe(true);
  });
});

describe("sarif", () => {
  const schemaPath = join(dirname(require.resolve("@microsoft/jest-sarif/package.json")), "lib/schemas/sarif-2.1.0-rtm.5.json");
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // The published 2.1.0 schema is draft-04 and has one pattern that is not a valid unicode regexp.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validateSarif = ajv.compile(schema);

  test("the schema validator rejects a broken log (the check can fail)", () => {
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  for (const [label, results] of [
    ["sample results", sampleResults()],
    ["real findings", realResults()],
    ["no results", []],
  ] as const) {
    test(`validates against the SARIF 2.1.0 schema: ${label}`, () => {
      const log = JSON.parse(renderReport(results as never, "sarif"));
      const ok = validateSarif(log);
      expect(ok ? [] : validateSarif.errors).toEqual([]);
    });
  }

  test("rules from listRules, results with ruleId, level, artifact uri and a logical location for the cell", () => {
    const log = JSON.parse(renderReport(sampleResults(), "sarif"));
    const run = log.runs[0];
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("jixiao");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(listRules().map((r) => r.id));
    const [r0, r1, r2] = run.results;
    expect(r0).toMatchObject({ ruleId: "cost-budget-mismatch/unit-cost-times-quantity", level: "error" });
    expect(run.tool.driver.rules[r0.ruleIndex].id).toBe(r0.ruleId);
    const loc = r0.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe("docs/%E9%87%91%E5%87%A4%E5%8C%BA%202023.pdf");
    expect(loc.logicalLocations[0].name).toBe("p2 t2 r14 c4");
    expect(loc.properties).toMatchObject({ page: 2, table: 1, row: 13, col: 3 });
    expect(r0.relatedLocations).toHaveLength(1);
    expect(r1.level).toBe("warning");
    expect(r2.level).toBe("note");
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("damaged file");
  });
});

describe("github", () => {
  test("escapes data and properties as the runner expects", () => {
    expect(escapeData("a%b\r\nc")).toBe("a%25b%0D%0Ac");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });
  test("one workflow command per finding, one line each", () => {
    const out = renderReport(sampleResults(), "github");
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^::error file=docs\/金凤区 2023\.pdf,title=cost-budget-mismatch\/unit-cost-times-quantity — /);
    expect(lines[0]).toContain("::[p2 t2 r14 c4] 单位成本");
    expect(lines[0]).toContain("100%25");
    expect(lines[0]).toContain("%0A第二行%0D");
    expect(lines[1]).toMatch(/^::warning file=.*title=value-format\/glued-range — A%2CB%3AC/);
    expect(lines[2]).toMatch(/^::notice /);
    expect(lines[3]).toBe("::error file=broken & <bad>.pdf,title=jixiao%3A unreadable::broken & <bad>.pdf: damaged file (truncated)");
  });
});

test("reachesFailLevel", () => {
  const f = sampleResults()[0].findings;
  expect(reachesFailLevel(f, "error")).toBe(true);
  expect(reachesFailLevel(f.slice(1), "error")).toBe(false);
  expect(reachesFailLevel(f.slice(1), "warning")).toBe(true);
  expect(reachesFailLevel(f.slice(2), "warning")).toBe(false);
  expect(reachesFailLevel(f, "never")).toBe(false);
});
