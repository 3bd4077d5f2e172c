/**
 * The HTML backend on the fixture corpus (fixtures/seeds/*, fixtures/layouts/*): every table's grid is what the
 * page shows. Checked against the hand-checked expected.json by label, never by position: the cell right of
 * 项目名称 holds the project's name, the level-1 cells under 一级指标 together span exactly the indicator rows,
 * and the government-style GBK page holds the same data tables as the clean UTF-8 page.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../src/formats/html/index.ts";
import { toMatrix } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";

const fixtures = new URL("../../fixtures/", import.meta.url).pathname;
const dirs = ["seeds", "layouts"].flatMap((group) =>
  existsSync(join(fixtures, group))
    ? readdirSync(join(fixtures, group))
        .map((d) => join(group, d))
        .filter((d) => existsSync(join(fixtures, d, "doc.html")))
    : [],
);

const squash = (s: string) => s.replace(/\s+/g, "");
const signature = (t: Table) => JSON.stringify(t.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan, c.text]));

interface Expected {
  projects: { name: string | null; indicators: unknown[] }[];
  departments: { indicators: unknown[] }[];
}

/** Every slot covered by exactly one cell or none; cells inside the grid and in reading order. */
function checkStructure(t: Table): void {
  const seen = new Map<string, number>();
  let last = -1;
  for (const c of t.cells) {
    expect(c.row + c.rowspan).toBeLessThanOrEqual(t.rows);
    expect(c.col + c.colspan).toBeLessThanOrEqual(t.cols);
    expect(c.row * t.cols + c.col).toBeGreaterThan(last);
    last = c.row * t.cols + c.col;
    for (let r = c.row; r < c.row + c.rowspan; r++)
      for (let k = c.col; k < c.col + c.colspan; k++) seen.set(`${r},${k}`, (seen.get(`${r},${k}`) ?? 0) + 1);
  }
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
}

/**
 * For each `项目名称` label in document order: the texts of the cell right of it and of the cell below it
 * (layouts put the value beside the label, or the labels in a header row above their values).
 */
function nameCandidates(g: GridDocument): [string, string][] {
  const out: [string, string][] = [];
  const text = (c: { text: string } | null | undefined) => (c ? c.text.split("\n").join("") : "");
  for (const t of g.tables) {
    const m = toMatrix(t);
    for (const cell of t.cells) {
      if (squash(cell.text) !== "项目名称") continue;
      out.push([text(m[cell.row][cell.col + cell.colspan]), text(m[cell.row + cell.rowspan]?.[cell.col])]);
    }
  }
  return out;
}

/**
 * Rows covered by the level-1 cells (…指标) in the column of the `一级指标` header, summed over the document.
 * A table without the header continues the previous one (a table split across pages).
 */
function level1Rows(g: GridDocument): number {
  let rows = 0;
  let column: number | null = null;
  for (const t of g.tables) {
    const headers = t.cells.filter((c) => squash(c.text) === "一级指标");
    if (headers.length > 0) column = headers[0].col;
    if (column === null) continue;
    const start = headers.length > 0 ? headers[0].row : -1;
    // Rows of a matrix labelled 长期绩效指标 are the multi-year plan, not indicators (longterm-annual-matrices).
    const longTerm = t.cells.filter((c) => /^(中)?长期绩效指标$/.test(squash(c.text)));
    const inLongTerm = (row: number) => longTerm.some((l) => l.row <= row && row < l.row + l.rowspan);
    for (const c of t.cells) {
      if (c.col === column && c.row > start && /指标/.test(c.text) && squash(c.text) !== "一级指标" && !inLongTerm(c.row))
        rows += c.rowspan;
    }
  }
  return rows;
}

describe.each(dirs)("%s", (dir) => {
  const expected = JSON.parse(readFileSync(join(fixtures, dir, "expected.json"), "utf8")) as Expected;
  const load = (file: string) => readHtml(readFileSync(join(fixtures, dir, file)), file);

  it("doc.html: consistent grids; 项目名称's value is each project's name; level-1 cells span the indicator rows", async () => {
    const g = await load("doc.html");
    expect(g.warnings).toEqual([]);
    g.tables.forEach(checkStructure);
    const candidates = nameCandidates(g);
    if (candidates.length > 0) {
      expect(candidates).toHaveLength(expected.projects.length);
      candidates.forEach((pair, i) => expect(pair).toContain(expected.projects[i].name));
    }
    const indicators = [...expected.projects, ...expected.departments].reduce((n, p) => n + p.indicators.length, 0);
    if (g.tables.some((t) => t.cells.some((c) => squash(c.text) === "一级指标"))) expect(level1Rows(g)).toBe(indicators);
  });

  it.runIf(existsSync(join(fixtures, dir, "doc.gbk.html")))(
    "doc.gbk.html (GBK, layout tables, Word markup) holds the same data tables",
    async () => {
      const [plain, gov] = await Promise.all([load("doc.html"), load("doc.gbk.html")]);
      expect(gov.warnings).toEqual([]);
      gov.tables.forEach(checkStructure);
      // The government page adds its navigation bar (a table of links) before the content.
      const first = gov.tables.findIndex((t) => signature(t) === signature(plain.tables[0]));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(gov.tables.slice(first).map(signature)).toEqual(plain.tables.map(signature));
      // Its context lines are the clean page's, after the page furniture (site name, breadcrumb).
      plain.tables.forEach((t, i) => {
        const context = gov.tables[first + i].context;
        expect(context.slice(context.length - t.context.length)).toEqual(t.context);
      });
      expect(gov.trailing.slice(0, plain.trailing.length)).toEqual(plain.trailing);
    },
  );
});

describe("seed spot checks", () => {
  const seed = (id: string) => dirs.find((d) => d.startsWith(`seeds/${id}`));

  it.runIf(seed("003"))("003: the first project's table, its unit lines and its 一级指标 rowspan", async () => {
    const g = await readHtml(readFileSync(join(fixtures, seed("003")!, "doc.gbk.html")), "doc.gbk.html");
    const header = g.tables.find((t) => t.cells.some((c) => c.text === "项目名称"))!;
    expect(header.context.slice(-3)).toEqual([
      "1.综合服务园区（康复中心）运行经费（2023年）绩效目标表",
      "563201天津市残疾人康复服务指导中心",
      "单位：万元",
    ]);
    const m = toMatrix(header);
    const label = header.cells.find((c) => c.text === "预算规模及资金用途")!;
    expect(label.rowspan).toBe(2);
    expect(m[label.row][label.col + 1]!.text).toBe("预算数");
    const matrix = g.tables[header.index + 1];
    const output = matrix.cells.find((c) => c.text === "产出指标")!;
    expect([output.col, output.rowspan]).toEqual([0, 12]);
  });
});
