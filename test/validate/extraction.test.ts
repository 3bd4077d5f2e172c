/**
 * extraction/*: what the interpreter could not read (Document.diagnostics) is a finding, never silent. One rule
 * per diagnostic code; a diagnostic with a project names that project, one without is document-level.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Diagnostic, Finding } from "../../src/model/types.ts";
import { reachesFailLevel, renderReport } from "../../src/report/index.ts";
import { listRules, loadConfig, validate, type ValidateOptions } from "../../src/validate/index.ts";
import { diag, doc, project, TAIL } from "./factory.ts";

const FAMILY = "extraction";
const CODES: Diagnostic["code"][] = [
  "nameless-project",
  "missing-budget",
  "orphan-indicators",
  "unplaced-rows",
  "missing-projects",
  "unread-table",
  "backend-warning",
];

/** Two projects (甲, 乙) and these diagnostics, checked by the extraction rules only. */
function run(diagnostics: Diagnostic[], options: ValidateOptions = {}): Finding[] {
  const d = doc([project({ name: "甲项目", budget: 10, rows: TAIL }), project({ name: "乙项目", budget: 20, rows: TAIL })], {
    diagnostics,
    path: "docs/某区2024.pdf",
  });
  return validate(d, { enable: [FAMILY], ...options });
}

/** The finding of one diagnostic: exactly one, from the rule of its code. */
function one(d: Diagnostic): Finding {
  const f = run([d]);
  expect(f).toHaveLength(1);
  expect(f[0].rule).toBe(`extraction/${d.code}`);
  expect(f[0].document).toBe("docs/某区2024.pdf");
  return f[0];
}

/** `--fail-on warning` fails on the findings (and `--fail-on error` on errors only). */
function failsOnWarning(f: Finding[]): boolean {
  return reachesFailLevel(f, "warning");
}

describe("the rules", () => {
  test("one rule per diagnostic code, ids extraction/<code>, warning except unread-table (error)", () => {
    const rules = listRules().filter((r) => r.id.startsWith("extraction/"));
    expect(rules.map((r) => r.id).sort()).toEqual(CODES.map((c) => `extraction/${c}`).sort());
    for (const r of rules) expect(r.severity).toBe(r.id === "extraction/unread-table" ? "error" : "warning");
  });

  test("no diagnostics, no findings", () => {
    expect(run([])).toEqual([]);
  });
});

describe("extraction/nameless-project", () => {
  test("names the project by its index, with its cells; a warning that fails --fail-on warning", () => {
    const at = [{ page: 3, table: 4, row: 0, col: 1 }];
    const f = one(diag("nameless-project", "project without a name", 1, at));
    expect(f).toMatchObject({ severity: "warning", kind: "project", projectIndex: 1, project: "乙项目" });
    expect(f.cells).toEqual(at);
    expect(f.message).toContain("未能读出该项目的项目名称");
    expect(f.message).toContain("第3页第5张表第1行");
    expect(f.message).toMatch(/可能不完整/);
    expect(f.message).toContain("请对照原表核对“项目名称”");
    expect(f.message).toContain("（读取说明：project without a name）");
    expect(failsOnWarning([f])).toBe(true);
    expect(reachesFailLevel([f], "error")).toBe(false);
  });

  test("a nameless project is labelled as such by the reports", () => {
    const p = project({ name: "x", budget: 5, rows: TAIL });
    p.name = null;
    const d = doc([p], { diagnostics: [diag("nameless-project", "", 0, [{ table: 0, row: 3, col: 0 }])] });
    const f = validate(d, { enable: [FAMILY] });
    expect(f.map((x) => [x.project, x.projectIndex, x.kind])).toEqual([[null, 0, "project"]]);
    expect(f[0].message).not.toContain("读取说明");
    expect(renderReport([{ document: "a.pdf", findings: f }], "text")).toContain("（未命名项目 #1）");
  });
});

describe("extraction/missing-budget", () => {
  test("project-level warning: the budget checks did not run for it", () => {
    const at = [{ table: 0, row: 2, col: 1 }];
    const f = one(diag("missing-budget", "no budget though the table has an amount column", 0, at));
    expect(f).toMatchObject({ severity: "warning", kind: "project", projectIndex: 0, project: "甲项目" });
    expect(f.cells).toEqual(at);
    expect(f.message).toContain("未能读出该项目的预算数（第1张表第3行）");
    expect(f.message).toContain("没有进行");
    expect(f.message).toContain("预算数/项目年度金额");
    expect(failsOnWarning([f])).toBe(true);
  });
});

describe("extraction/orphan-indicators", () => {
  test("document-level warning listing the rows, a few at most", () => {
    const at = [10, 11, 12, 13, 14, 15, 16].map((row) => ({ page: 1, table: 0, row, col: 2 }));
    const f = one(diag("orphan-indicators", "7 indicator rows before any project", null, at));
    expect(f).toMatchObject({ severity: "warning", kind: "document", project: null, projectIndex: null });
    expect(f.cells).toEqual(at);
    expect(f.message).toContain("没有计入任何项目");
    expect(f.message).toContain("第1页第1张表第11、12、13、14、15等7行");
    expect(f.message).toContain("可能不完整");
    expect(failsOnWarning([f])).toBe(true);
  });
});

describe("extraction/unplaced-rows", () => {
  test("with a project: that project's indicators may be incomplete", () => {
    const at = [
      { table: 1, row: 20, col: 0 },
      { table: 1, row: 21, col: 0 },
    ];
    const f = one(diag("unplaced-rows", "2 indicator-like rows fit no matrix", 1, at));
    expect(f).toMatchObject({ severity: "warning", kind: "project", project: "乙项目", projectIndex: 1 });
    expect(f.cells).toEqual(at);
    expect(f.message).toContain("第2张表第21、22行");
    expect(f.message).toContain("没有被读取");
    expect(f.message).toContain("该项目的绩效指标可能不完整");
    expect(failsOnWarning([f])).toBe(true);
  });

  test("without a project: document-level", () => {
    const f = one(diag("unplaced-rows", "", null, [{ table: 5, row: 1, col: 0 }]));
    expect(f).toMatchObject({ kind: "document", project: null });
    expect(f.message).toContain("文档中的绩效指标可能不完整");
  });
});

describe("extraction/missing-projects", () => {
  test("document-level warning saying how many projects were read", () => {
    const f = one(diag("missing-projects", "5 name labels, 2 projects", null, []));
    expect(f).toMatchObject({ severity: "warning", kind: "document", project: null, projectIndex: null, cells: [] });
    expect(f.message).toContain("只读出了2个项目");
    expect(f.message).toContain("部分项目可能没有被提取");
    expect(f.message).toContain("请对照原文件核对项目的数量");
    expect(failsOnWarning([f])).toBe(true);
  });
});

describe("extraction/unread-table", () => {
  test("an error: a table with indicator labels yielded nothing; fails --fail-on error too", () => {
    const at = [
      { page: 7, table: 9, row: 0, col: 0 },
      { page: 7, table: 9, row: 0, col: 4 },
    ];
    const f = one(diag("unread-table", "table 10: indicator labels but no indicator", null, at));
    expect(f).toMatchObject({ severity: "error", kind: "document", project: null, projectIndex: null });
    expect(f.cells).toEqual(at);
    expect(f.message).toContain("第7页第10张表第1行");
    expect(f.message).toContain("没有读出任何指标");
    expect(f.message).toContain("这张表的内容没有被提取");
    expect(failsOnWarning([f])).toBe(true);
    expect(reachesFailLevel([f], "error")).toBe(true);
  });

  test("with a project: names it", () => {
    const f = one(diag("unread-table", "", 0, [{ table: 0, row: 8, col: 0 }]));
    expect(f).toMatchObject({ severity: "error", kind: "project", project: "甲项目" });
  });
});

describe("extraction/backend-warning", () => {
  test("a scanned page, said in Chinese, document-level, no cells", () => {
    const f = one(diag("backend-warning", "page 3: no text layer (scanned?)"));
    expect(f).toMatchObject({ severity: "warning", kind: "document", project: null, projectIndex: null, cells: [] });
    expect(f.message).toContain("第3页没有可读取的文字（可能是扫描件或图片）");
    expect(f.message).toContain("没有被提取");
    expect(f.message).toContain("请对照原文件核对");
    expect(f.message).not.toContain("no text layer");
    expect(failsOnWarning([f])).toBe(true);
  });

  test("every wording the backends use today has a Chinese message", () => {
    const said = [
      "page 2: a large image with no text over it (a scanned table?)",
      "page 4: damaged, skipped (bad XRef entry)",
      "no tables in this page",
      "no tables in this document",
      "embedded content word/afchunk.bin (w:altChunk) not read",
      "the page declares charset gb2312 but its bytes are UTF-8; read as UTF-8",
      "unknown charset x-foo; read as GB18030",
      "the page declares UTF-8 but its bytes are not; read as GB18030",
      "3 byte sequences not valid in gb18030 replaced by �",
    ];
    const f = run(said.map((m) => diag("backend-warning", m)));
    expect(f).toHaveLength(said.length);
    for (const x of f) {
      expect(x.message).not.toMatch(/[a-z]{4,} [a-z]{3,}/);
      expect(x.message).toMatch(/可能|没有/);
    }
  });

  test("an unknown wording is quoted, never dropped", () => {
    const f = one(diag("backend-warning", "something new happened"));
    expect(f.message).toContain("“something new happened”");
    expect(f.message).toContain("可能不完整或有误");
  });

  test("a diagnostic naming a project the document lacks stays a finding, document-level", () => {
    const f = one(diag("backend-warning", "page 1: no text layer (scanned?)", 7));
    expect(f).toMatchObject({ kind: "document", project: null, projectIndex: null });
    expect(f.message).toContain("项目 #8");
  });
});

describe("selection and severity like every family", () => {
  const all = () => CODES.map((c) => diag(c, c, c === "missing-budget" ? 0 : null));

  test("the full run includes them; --disable extraction and a family off drop them", () => {
    const d = doc([project({ name: "甲项目", budget: 10, rows: TAIL })], { diagnostics: all() });
    const every = validate(d);
    expect(
      every
        .filter((f) => f.rule.startsWith("extraction/"))
        .map((f) => f.rule)
        .sort(),
    ).toEqual(CODES.map((c) => `extraction/${c}`).sort());
    expect(failsOnWarning(every)).toBe(true);
    expect(validate(d, { disable: [FAMILY] }).some((f) => f.rule.startsWith("extraction/"))).toBe(false);
    expect(validate(d, { disable: ["extraction/backend-warning"] }).some((f) => f.rule === "extraction/backend-warning")).toBe(false);
    expect(validate(d, { config: { severity: { extraction: "off" } } }).some((f) => f.rule.startsWith("extraction/"))).toBe(false);
  });

  test("severity overrides: the family, then an id", () => {
    const f = run(all(), { config: { severity: { extraction: "info", "extraction/unread-table": "warning" } } });
    expect(new Set(f.map((x) => x.severity))).toEqual(new Set(["info", "warning"]));
    expect(f.find((x) => x.rule === "extraction/unread-table")!.severity).toBe("warning");
    expect(failsOnWarning(f.filter((x) => x.rule !== "extraction/unread-table"))).toBe(false);
  });

  test("a config file may name the family and its rules", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jixiao-extraction-")), ".jixiaorc.json");
    writeFileSync(file, JSON.stringify({ disable: ["extraction/missing-projects"], severity: { extraction: "info" } }));
    const cfg = await loadConfig(file);
    const f = run(all(), { disable: cfg.disable, config: cfg });
    expect(f.some((x) => x.rule === "extraction/missing-projects")).toBe(false);
    expect(f.length).toBe(CODES.length - 1);
    expect(f.every((x) => x.severity === "info")).toBe(true);
  });

  test("document-level findings come first in a run", () => {
    const f = run(all());
    const kinds = f.map((x) => x.kind);
    expect(kinds.indexOf("project")).toBeGreaterThan(kinds.lastIndexOf("document"));
  });
});

describe("reports render document-level extraction findings", () => {
  const results = () => [
    {
      document: "docs/某区2024.pdf",
      findings: run([
        diag("backend-warning", "page 3: no text layer (scanned?)"),
        diag("unread-table", "", null, [{ page: 7, table: 9, row: 0, col: 0 }]),
      ]),
    },
  ];

  test("text: under (整个文档), with the cell when there is one", () => {
    const out = renderReport(results(), "text");
    expect(out).toContain("(整个文档)");
    expect(out).toMatch(/error\s+p7 t10 r1 c1\s+extraction\/unread-table\s+有一张表格/);
    expect(out).toMatch(/warning\s+extraction\/backend-warning\s+第3页没有可读取的文字/);
  });

  test("github, junit and sarif", () => {
    const gh = renderReport(results(), "github");
    expect(gh).toContain("::error file=docs/某区2024.pdf,title=extraction/unread-table — (整个文档)::[p7 t10 r1 c1] 有一张表格");
    expect(gh).toContain("::warning file=docs/某区2024.pdf,title=extraction/backend-warning — (整个文档)::第3页");
    const junit = renderReport(results(), "junit");
    expect(junit).toContain('name="(整个文档) › extraction/unread-table"');
    expect(junit).toContain("<failure");
    const sarif = JSON.parse(renderReport(results(), "sarif"));
    const res = sarif.runs[0].results as { ruleId: string; level: string; properties: { kind: string } }[];
    expect(res.map((r) => [r.ruleId, r.level, r.properties.kind])).toEqual([
      ["extraction/unread-table", "error", "document"],
      ["extraction/backend-warning", "warning", "document"],
    ]);
  });
});
