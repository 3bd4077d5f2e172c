/**
 * Word and HTML inputs built to exhaust the stack, the CPU or the heap (issue 13, items 4 and 10) end in one
 * JixiaoError line naming the file and the limit (src/settings/limits.ts), quickly. The .docx files and the small
 * HTML ones are in fixtures/bad/ (scripts/fixtures-bad/make-nesting.mjs); the large HTML ones are built here by
 * the same functions.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeError, JixiaoError } from "../../src/errors.ts";
import { readGrid } from "../../src/formats/index.ts";
import { DOCX_MAX_NESTING, HTML_MAX_NESTING, INPUT_MAX_BYTES } from "../../src/settings/limits.ts";
// @ts-expect-error -- a plain .mjs script without type declarations
import * as make from "../../scripts/fixtures-bad/make-nesting.mjs";

const gen = make as {
  docx(xml: string): Uint8Array;
  nestedTablesXml(n: number): string;
  nestedTablesHtml(n: number): string;
};

const bad = new URL("../../fixtures/bad/", import.meta.url).pathname;
const fixture = (name: string) => new Uint8Array(readFileSync(bad + name));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** The one line a document fails with (the error must be a JixiaoError that names the file). */
async function failure(bytes: Uint8Array, file: string): Promise<string> {
  try {
    await readGrid(bytes, file);
  } catch (err) {
    if (!(err instanceof JixiaoError)) throw err;
    expect(err.kind).toBe("too-large");
    expect(err.file).toBe(file);
    const line = describeError(err);
    expect(line).not.toMatch(/\n/);
    return line;
  }
  throw new Error(`${file} was read; expected a JixiaoError`);
}

describe("Word: deep nesting stops at a stated depth", () => {
  it.each([
    ["nesting-docx-tables.docx", "100,000 nested tables"],
    ["nesting-docx-sdt.docx", "100,000 nested content controls"],
    ["nesting-docx-paragraphs.docx", "100,000 unclosed paragraphs"],
  ])("%s (%s)", async (name) => {
    expect(await failure(fixture(name), name)).toBe(
      `${name}: nesting deeper than ${DOCX_MAX_NESTING} levels (tables in tables, content controls…); refusing`,
    );
  });

  it("a document nested well inside the limit is still read", async () => {
    const grid = await readGrid(gen.docx(gen.nestedTablesXml(100)), "deep.docx");
    expect(grid.tables).toHaveLength(1);
    expect(grid.tables[0].cells[0].text).toBe("最里面");
  });
});

describe("Word: memory limits", () => {
  it("a document.xml over the per-part limit is refused before it is inflated", async () => {
    expect(await failure(fixture("size-docx-big-part.docx"), "big.docx")).toBe(
      "big.docx: word/document.xml would inflate to 41 MB; refusing (limit 40 MB per XML part)",
    );
  });

  it("a table of more than a million grid cells is refused", async () => {
    expect(await failure(fixture("size-docx-wide-table.docx"), "wide.docx")).toMatch(
      /^wide\.docx: a table of 1,00\d rows × 1,000 columns passes the limit of 1,000,000 cells per table; refusing$/,
    );
  });
});

describe("HTML: deep nesting stops at a stated depth", () => {
  const line = (name: string) => `${name}: nesting deeper than ${HTML_MAX_NESTING} levels (elements inside elements); refusing`;

  it("10^5 nested tables (a stack overflow before)", async () => {
    expect(await failure(utf8(gen.nestedTablesHtml(100_000)), "tables.html")).toBe(line("tables.html"));
    expect(await failure(fixture("nesting-html-tables.html"), "small.html")).toBe(line("small.html"));
  });

  it("10^5 nested <div>s, which parse5 alone needs minutes for, stop while parsing", async () => {
    expect(await failure(utf8(`<html><body>${"<div>".repeat(100_000)}x`), "divs.html")).toBe(line("divs.html"));
  });

  it("a page nested well inside the limit is still read", async () => {
    const grid = await readGrid(utf8(gen.nestedTablesHtml(100)), "deep.html");
    expect(grid.tables).toHaveLength(1);
    expect(grid.tables[0].cells[0].text).toBe("最里面");
  });
});

describe("HTML: memory limits", () => {
  it("a page over the HTML size limit is refused before it is parsed", async () => {
    const page = new Uint8Array(INPUT_MAX_BYTES.html + 1).fill(0x20);
    page.set(utf8("<html><body><table>"));
    expect(await failure(page, "huge.html")).toBe("huge.html: 33,554,433 bytes: larger than the 32 MB limit for HTML files; refusing");
  });

  it("a cell spanning 2,000 rows × 1,000 columns is refused before it is placed", async () => {
    expect(await failure(fixture("size-html-span-bomb.html"), "span.html")).toBe(
      "span.html: a table of 2,000 rows × 1,001 columns passes the limit of 1,000,000 cells per table; refusing",
    );
  });
});
