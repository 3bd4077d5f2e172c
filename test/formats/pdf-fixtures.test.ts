/**
 * The pdfkit-drawn fixtures (fixtures/pdf/, made by scripts/fixtures-pdf/make.mjs): each must come out as its
 * hand-checked `*.expected-grid.json` exactly — rows × cols, every cell's text, span and page, context lines,
 * trailing lines and warnings — and the broken files must fail with one clear line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JixiaoError, describeError } from "../../src/errors.ts";
import { readGrid } from "../../src/formats/index.ts";
import { readPdf, readPdfWith } from "../../src/formats/pdf/index.ts";
import type { GridDocument } from "../../src/grid/types.ts";

const dir = new URL("../../fixtures/pdf/", import.meta.url).pathname;
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

interface ExpectedGrid {
  pages: number;
  warnings: string[];
  trailing: string[];
  tables: { rows: number; cols: number; pages: number[]; context: string[]; cells: (string | number)[][] }[];
}

/** The grid in the expected file's shape (cells as [row, col, rowspan, colspan, text(, page)]). */
function shape(grid: GridDocument, expected: ExpectedGrid): ExpectedGrid {
  return {
    pages: grid.pages!,
    warnings: grid.warnings,
    trailing: grid.trailing,
    tables: grid.tables.map((t, i) => {
      const withPage = expected.tables[i]?.cells[0]?.length === 6;
      return {
        rows: t.rows,
        cols: t.cols,
        pages: t.pages!,
        context: t.context,
        cells: t.cells.map((c) =>
          withPage ? [c.row, c.col, c.rowspan, c.colspan, c.text, c.page!] : [c.row, c.col, c.rowspan, c.colspan, c.text],
        ),
      };
    }),
  };
}

const withExpected = readdirSync(dir)
  .filter((f) => f.endsWith(".expected-grid.json"))
  .map((f) => f.replace(".expected-grid.json", ""));

describe("PDF fixtures drawn by pdfkit", () => {
  it("has the landscape, two-page, borderless and rotated fixtures", () => {
    expect(withExpected).toEqual(expect.arrayContaining(["landscape", "two-page", "borderless", "rotated"]));
  });

  for (const name of withExpected) {
    it(`${name}.pdf gives the expected grid`, async () => {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected-grid.json`), "utf8")) as ExpectedGrid;
      const grid = await readPdf(bytes(`${name}.pdf`), `${name}.pdf`);
      expect(grid.format).toBe("pdf");
      expect(shape(grid, expected)).toEqual(expected);
      grid.tables.forEach((t, i) => expect(t.index).toBe(i));
    });
  }

  it("reads the same grid in-thread as in the worker", async () => {
    const viaWorker = await readPdfWith(bytes("two-page.pdf"), "two-page.pdf", { mode: "worker" });
    const inThread = await readPdfWith(bytes("two-page.pdf"), "two-page.pdf", { mode: "in-thread" });
    expect(inThread).toEqual(viaWorker);
  });

  it("is reached through format detection", async () => {
    const grid = await readGrid(bytes("landscape.pdf"), "landscape.pdf");
    expect(grid.tables).toHaveLength(1);
  });
});

describe("broken PDFs fail with one line", () => {
  const cases: [string, JixiaoError["kind"], RegExp][] = [
    ["encrypted-user.pdf", "encrypted", /^password-protected PDF$/],
    ["truncated.pdf", "damaged", /^damaged PDF: truncated/],
    ["damaged.pdf", "damaged", /^damaged PDF: /],
    ["image-only.pdf", "no-text", /^no text layer \(scanned\?\)$/],
  ];
  for (const [name, kind, message] of cases) {
    it(name, async () => {
      const err = await readPdf(bytes(name), `fixtures/pdf/${name}`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(JixiaoError);
      expect((err as JixiaoError).kind).toBe(kind);
      expect((err as JixiaoError).message).toMatch(message);
      expect((err as JixiaoError).file).toBe(`fixtures/pdf/${name}`);
      const line = describeError(err);
      expect(line).not.toContain("\n");
      expect(line.startsWith(`fixtures/pdf/${name}: `)).toBe(true);
    });
  }

  it("junk appended after a complete PDF is tolerated", async () => {
    const padded = new Uint8Array(
      Buffer.concat([Buffer.from(bytes("landscape.pdf")), Buffer.from("<html>download page</html>\n".repeat(200))]),
    );
    expect((await readPdf(padded, "padded.pdf")).tables).toHaveLength(1);
  });

  it("garbage after a PDF header is damaged, not a crash", async () => {
    const junk = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + "x".repeat(500) + "\n%%EOF\n"));
    await expect(readPdf(junk, "junk.pdf")).rejects.toMatchObject({ kind: "damaged" });
  });

  it("a step that takes too long ends the worker with a timeout, and the next file still reads", async () => {
    await expect(readPdfWith(bytes("two-page.pdf"), "slow.pdf", { mode: "worker", timeoutMs: 1 })).rejects.toMatchObject({
      kind: "timeout",
      file: "slow.pdf",
    });
    const grid = await readPdfWith(bytes("landscape.pdf"), "landscape.pdf", { mode: "worker" });
    expect(grid.tables).toHaveLength(1);
  });

  it("bounds the in-thread read too", async () => {
    await expect(readPdfWith(bytes("two-page.pdf"), "slow.pdf", { mode: "in-thread", timeoutMs: 1 })).rejects.toMatchObject({
      kind: "timeout",
    });
  });
});

describe("pdf.js in a library user's process", () => {
  // pdf.js's import warns that it cannot polyfill ImageData/Path2D (rendering only). That happens once per
  // process, so only a fresh process shows it: a program importing jixiao must get its stdout and stderr clean.
  it("reads a PDF without printing anything", async () => {
    const { spawnSync } = await import("node:child_process");
    const lib = new URL("../../dist/index.js", import.meta.url).href;
    const pdf = new URL("../../fixtures/seeds/003-tianjin-cdpf-2023/doc.lo.pdf", import.meta.url).pathname;
    const script = `const m = await import(${JSON.stringify(lib)}); const d = await m.extract(${JSON.stringify(pdf)}); process.exitCode = d.projects.length > 0 ? 0 : 1;`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", ""]);
  });
});
