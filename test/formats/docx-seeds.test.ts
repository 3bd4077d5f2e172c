/**
 * The fixture corpus's Word documents (python-docx, fixtures/seeds/* and fixtures/layouts/*) against their HTML
 * twins rendered from the same content: the same tables, cells, spans, texts and context lines.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/formats/index.ts";
import { readHtml } from "../../src/formats/html/index.ts";
import type { Table } from "../../src/grid/types.ts";

const fixtures = new URL("../../fixtures/", import.meta.url).pathname;
const dirs = ["seeds", "layouts"].flatMap((group) =>
  existsSync(join(fixtures, group))
    ? readdirSync(join(fixtures, group))
        .map((d) => join(group, d))
        .filter((d) => existsSync(join(fixtures, d, "doc.docx")) && existsSync(join(fixtures, d, "doc.html")))
    : [],
);
const cells = (t: Table) => t.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan, c.text]);

describe.each(dirs)("%s/doc.docx", (dir) => {
  it("has the same tables, cells and context lines as doc.html", async () => {
    const [docx, html] = await Promise.all([
      readDocx(readFileSync(join(fixtures, dir, "doc.docx")), "doc.docx"),
      readHtml(readFileSync(join(fixtures, dir, "doc.html")), "doc.html"),
    ]);
    expect(docx.warnings).toEqual([]);
    expect(docx.tables.length).toBe(html.tables.length);
    docx.tables.forEach((t, i) => {
      expect([t.rows, t.cols]).toEqual([html.tables[i].rows, html.tables[i].cols]);
      expect(cells(t)).toEqual(cells(html.tables[i]));
      expect(t.context).toEqual(html.tables[i].context);
    });
    expect(docx.trailing).toEqual(html.trailing);
  });
});
