/**
 * Hostile PDFs (issue 13, items 5, 6, 7 and the PDF part of 10), from scripts/fixtures-bad/make-pdf.mjs: geometry
 * clamped to the page box, per-page limits that end in one clear line, the dense-page work bounded, and what
 * pdf.js leaves unhandled attributed to its own document.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { WorkerPool } from "../../src/batch/pool.ts";
import { runBatch } from "../../src/batch/run.ts";
import type { TaskResult } from "../../src/batch/task.ts";
import { JixiaoError } from "../../src/errors.ts";
import { cmapRangeCodes, scanFonts } from "../../src/formats/pdf/font-scan.ts";
import { readPdfWith } from "../../src/formats/pdf/index.ts";
import { layoutPage } from "../../src/formats/pdf/page-layout.ts";
import { readPdfPages } from "../../src/formats/pdf/page-source.ts";
import { readPages } from "../../src/formats/pdf/read-pages.ts";
import { dropOverprints } from "../../src/formats/pdf/text-cleanup.ts";
import type { PageData, TextRun } from "../../src/formats/pdf/types.ts";
import {
  INPUT_MAX_BYTES,
  PDF_MAX_CFF_OVERLAP_BYTES,
  PDF_MAX_CMAP_CODES,
  PDF_MAX_OPERATORS_PER_PAGE,
  PDF_MAX_RULINGS_PER_PAGE,
  PDF_MAX_RUNS_FOR_BORDERLESS,
  PDF_MAX_TEXT_RUNS_PER_PAGE,
  PDF_PAGE_MARGIN_PT,
} from "../../src/settings/limits.ts";

const path = (name: string) => join(import.meta.dirname, "../../fixtures/bad", name);
const bytes = (name: string) => new Uint8Array(readFileSync(path(name)));

async function pagesOf(name: string): Promise<PageData[]> {
  const pages: PageData[] = [];
  await readPages(bytes(name), name, (p) => pages.push(p));
  return pages;
}

/** Every coordinate of the page inside its box grown by the margin. */
function expectInsidePage(page: PageData): void {
  const m = PDF_PAGE_MARGIN_PT + 1e-9;
  const inX = (x: number) => x >= -m && x <= page.width + m;
  const inY = (y: number) => y >= -m && y <= page.height + m;
  for (const l of page.v) expect([l.x, l.y0, l.y1].every((x, i) => (i === 0 ? inX(x) : inY(x)))).toBe(true);
  for (const l of page.h) expect([l.y, l.x0, l.x1].every((x, i) => (i === 0 ? inY(x) : inX(x)))).toBe(true);
  for (const r of page.texts) expect(inX(r.x0) && inX(r.x1) && inY(r.top) && inY(r.bottom)).toBe(true);
}

const cellTexts = (doc: Awaited<ReturnType<typeof readPdfWith>>) => doc.tables.flatMap((t) => t.cells.map((c) => c.text));

describe("item 5: absurd geometry is clamped to the page box", () => {
  it("a vertical rule 10^9 points tall becomes page-high; the table beside it still reads", async () => {
    const [page] = await pagesOf("pdf-tall-rule-1e9.pdf");
    expect(page.v.length).toBe(5);
    expectInsidePage(page);
    expect(Math.min(...page.v.map((l) => l.y0))).toBe(-PDF_PAGE_MARGIN_PT);
    const layout = layoutPage(page);
    expect(layout.tables.length).toBe(1);
    const doc = await readPdfWith(bytes("pdf-tall-rule-1e9.pdf"), "pdf-tall-rule-1e9.pdf", { mode: "in-thread" });
    expect(cellTexts(doc)).toEqual(expect.arrayContaining(["alpha", "12", "kg", "delta", "78", "A"]));
  });

  it("rules 10^31 points long (no 'Invalid typed array length'); a text run 10^31 points tall is dropped, with a warning", async () => {
    const [page] = await pagesOf("pdf-tall-rule-1e31.pdf");
    expectInsidePage(page);
    expect(page.texts.map((r) => r.str)).not.toContain("far");
    const doc = await readPdfWith(bytes("pdf-tall-rule-1e31.pdf"), "pdf-tall-rule-1e31.pdf", { mode: "in-thread" });
    expect(cellTexts(doc)).toEqual(expect.arrayContaining(["alpha", "beta", "gamma"]));
    expect(doc.warnings).toEqual(["page 1: 1 text run drawn beyond the page, ignored"]);
  });
});

describe("item 6: dense pages", () => {
  it(`a page of 20,000 text runs is not searched for tables without full rulings (over ${PDF_MAX_RUNS_FOR_BORDERLESS}), with a warning`, async () => {
    const doc = await readPdfWith(bytes("pdf-dense-text.pdf"), "pdf-dense-text.pdf", { mode: "in-thread" });
    expect(doc.warnings).toContain(
      `page 1: 20,000 text runs, more than ${PDF_MAX_RUNS_FOR_BORDERLESS.toLocaleString("en")}: tables not fully ruled not looked for`,
    );
    expect(doc.tables).toEqual([]);
  });

  it("fake-bold detection compares a run only with runs of its string near it (not with every earlier one)", async () => {
    const [page] = await pagesOf("pdf-dense-text-same.pdf");
    const runs = page.texts;
    expect(runs.length).toBeGreaterThan(5_000);
    const stats = { comparisons: 0 };
    const kept = dropOverprints(runs, stats);
    expect(stats.comparisons).toBeLessThan(10 * runs.length);
    // The same runs as comparing with every earlier kept run of the string.
    expect(kept).toEqual(naiveDropOverprints(runs));
  });
});

describe("item 6: fake-bold detection with thousands of copies of one string at one x", () => {
  const run = (str: string, x0: number, baseline: number, size = 10): TextRun => ({
    str,
    x0,
    x1: x0 + 5,
    top: baseline - 8.5,
    bottom: baseline + 1.5,
    baseline,
    size,
    upright: true,
  });

  it("a column of 40,000 copies of one figure (one x, a baseline each) is compared near each baseline only", () => {
    const runs = Array.from({ length: 40_000 }, (_, i) => run("0", 100, 10 + 5 * i));
    const stats = { comparisons: 0 };
    expect(dropOverprints(runs, stats).length).toBe(40_000);
    expect(stats.comparisons).toBeLessThan(10 * runs.length);
  });

  it("overprinted copies in such a column are still dropped, as the quadratic definition drops them", () => {
    // 3,000 figures down one x, each drawn again 0.4 pt lower and 0.2 pt right, some a third time at the same spot.
    const runs: TextRun[] = [];
    for (let i = 0; i < 3_000; i++) {
      runs.push(run(i % 7 ? "0" : "1", 100, 10 + 2.8 * i));
      runs.push(run(i % 7 ? "0" : "1", 100.2, 10.4 + 2.8 * i));
      if (i % 5 === 0) runs.push(run("0", 100, 10 + 2.8 * i));
    }
    const stats = { comparisons: 0 };
    const kept = dropOverprints(runs, stats);
    expect(kept).toEqual(naiveDropOverprints(runs));
    expect(kept.length).toBeLessThan(runs.length);
    expect(stats.comparisons).toBeLessThan(10 * runs.length);
  });
});

/** The quadratic definition of dropOverprints. */
function naiveDropOverprints(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const tol = 0.3 * r.size;
    const dup = out.some(
      (o) =>
        o.str === r.str && Math.abs(o.x0 - r.x0) <= tol && Math.abs(o.baseline - r.baseline) <= tol && Math.abs(o.size - r.size) <= tol,
    );
    if (!dup) out.push(r);
  }
  return out;
}

describe("item 10: per-page limits end in one clear line", () => {
  const tooLarge = async (name: string, what: RegExp) => {
    const err = await readPdfWith(bytes(name), name, { mode: "in-thread" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JixiaoError);
    expect((err as JixiaoError).kind).toBe("too-large");
    expect((err as JixiaoError).message).toMatch(what);
  };

  it(`10^6 text runs on a page: more than ${PDF_MAX_TEXT_RUNS_PER_PAGE} (read as a stream, abandoned there)`, async () => {
    await tooLarge("pdf-million-runs.pdf", /^PDF too complex to read: page 1 has more than 50,000 text runs \(the limit per page\)$/);
    expect(PDF_MAX_TEXT_RUNS_PER_PAGE).toBe(50_000);
  });

  it(`10^6 tiny lines on a page: more than ${PDF_MAX_OPERATORS_PER_PAGE} drawing operators`, async () => {
    await tooLarge("pdf-million-lines.pdf", /page 1 has more than 100,000 drawing operators \(the limit per page\)$/);
    expect(PDF_MAX_OPERATORS_PER_PAGE).toBe(100_000);
  });

  it(`one path of 40,000 strokes: more than ${PDF_MAX_RULINGS_PER_PAGE} ruling lines`, async () => {
    await tooLarge("pdf-many-rules.pdf", /page 1 has more than 20,000 ruling lines \(the limit per page\)$/);
    expect(PDF_MAX_RULINGS_PER_PAGE).toBe(20_000);
  });

  it("in a batch worker (512 MB heap) the 10^6-line and 10^6-run pages fail alone, with that line, not 'out of memory'", async () => {
    const items = ["pdf-million-runs.pdf", "pdf-million-lines.pdf", "pdf-tall-rule-1e9.pdf"].map((n) => ({
      path: path(n),
      explicit: true,
    }));
    const seen: TaskResult[] = [];
    await runBatch(
      items,
      { config: { command: "tables", format: "json", merged: "blank", bom: false }, jobs: 1, ordered: true },
      async (r) => {
        seen.push(r);
      },
    );
    expect(seen.map((r) => r.status)).toEqual(["failed", "failed", "ok"]);
    const errors = seen.flatMap((r) => (r.status === "failed" ? [r.error] : []));
    expect(errors[0]).toMatch(/PDF too complex to read: page 1 has more than 50,000 text runs/);
    expect(errors[1]).toMatch(/PDF too complex to read: page 1 has more than 100,000 drawing operators/);
  }, 120_000);
});

describe("item 7: what pdf.js leaves unhandled is its own document's", () => {
  it("a page object with an invalid number: the PDF worker thread survives and the document gets the warning", async () => {
    const read = await readPdfPages(bytes("pdf-bad-number.pdf"), "pdf-bad-number.pdf", () => undefined, "worker");
    expect(read.warnings).toEqual([
      "pdf.js failed outside the pages read (FormatError: Invalid number: ] (charCode 93)): part of the file may be missing",
    ]);
    // The same worker reads the next document.
    const pages: PageData[] = [];
    await readPdfPages(bytes("pdf-tall-rule-1e9.pdf"), "next.pdf", (p) => pages.push(p), "worker");
    expect(pages.length).toBe(1);
  });

  it("in a batch, the damaged file fails with its own line and the file after it reads (no 'worker crashed')", async () => {
    const names = ["pdf-bad-number.pdf", "pdf-tall-rule-1e9.pdf", "pdf-bad-number.pdf", "pdf-tall-rule-1e31.pdf"];
    const seen: TaskResult[] = [];
    await runBatch(
      names.map((n) => ({ path: path(n), explicit: true })),
      { config: { command: "extract", format: "json", csvLevel: "indicator", validate: null }, jobs: 1, ordered: true },
      async (r) => {
        seen.push(r);
      },
    );
    expect(seen.map((r) => r.status)).toEqual(["failed", "ok", "failed", "ok"]);
    for (const r of seen)
      if (r.status === "failed") expect(r.error).toBe(`${path("pdf-bad-number.pdf")}: damaged PDF: end of file inside array`);
  });

  it("the pool's worker host fails the task that left a rejection pending, not the next one, and keeps going", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-late-"));
    const mod = join(dir, "late-task.mjs");
    writeFileSync(
      mod,
      `export async function run(task) {
  if (task.path === "late") Promise.reject(new Error("late boom")); // left pending, surfaces after run() returns
  return { status: "ok", path: task.path };
}
`,
    );
    const pool = new WorkerPool<{ path: string }, { status: string; path: string }>({ taskModule: pathToFileURL(mod), jobs: 1 });
    try {
      const late = await pool.run({ path: "late" }).catch((e: Error) => e.message);
      const next = await pool.run({ path: "next" });
      expect(late).toBe("an asynchronous step failed (Error: late boom)");
      expect(next).toEqual({ status: "ok", path: "next" });
      expect(pool.size).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe("item 10: a damaged CMap range or CFF font is refused before pdf.js fills memory for it", () => {
  it(`a /ToUnicode range of 2^24 codes: one line naming the limit (${PDF_MAX_CMAP_CODES} codes), pdf.js never reads it`, async () => {
    const err = await readPdfWith(bytes("pdf-cmap-range-2e24.pdf"), "pdf-cmap-range-2e24.pdf", { mode: "in-thread" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JixiaoError);
    expect((err as JixiaoError).kind).toBe("too-large");
    expect((err as JixiaoError).message).toBe(
      "PDF too complex to read: a font's character map (CMap) covers 16,777,216 codes (the limit is 262,144)",
    );
    expect(PDF_MAX_CMAP_CODES).toBe(262_144);
  });

  it("a whole 2-byte range (<0000> <FFFF>, as real fonts have) is read as usual", async () => {
    expect(await scanFonts(bytes("pdf-cmap-full-range.pdf"))).toEqual({ maxCodes: 65_536, oversized: false, cffOverlap: 0 });
    const doc = await readPdfWith(bytes("pdf-cmap-full-range.pdf"), "pdf-cmap-full-range.pdf", { mode: "in-thread" });
    expect(cellTexts(doc)).toEqual(expect.arrayContaining(["alpha", "12", "kg", "beta", "34", "m"]));
  });

  it(`a CFF font whose glyph programs overlap (4,000 of them claiming 128 MB of a 72 KB font): over ${PDF_MAX_CFF_OVERLAP_BYTES / 1024 / 1024} MB, refused`, async () => {
    const scan = await scanFonts(bytes("pdf-cff-overlap.pdf"));
    expect(scan.cffOverlap).toBeGreaterThan(100 * 1024 * 1024);
    const err = await readPdfWith(bytes("pdf-cff-overlap.pdf"), "pdf-cff-overlap.pdf", { mode: "in-thread" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JixiaoError);
    expect((err as JixiaoError).kind).toBe("too-large");
    expect((err as JixiaoError).message).toBe(
      "PDF too complex to read: an embedded font's glyph tables claim at least 125 MB more than the font holds (damaged; the limit is 1 MB)",
    );
  });

  it("sound CFF fonts claim no more than they hold (every fixture PDF with one)", async () => {
    for (const name of ["layouts/vertical-labels/doc.gs.pdf", "layouts/serial-score-columns/doc.gs.pdf"]) {
      const scan = await scanFonts(new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures", name))));
      expect(scan).toEqual({ maxCodes: expect.any(Number), oversized: false, cffOverlap: 0 });
      expect(scan.maxCodes).toBeLessThan(1000);
    }
  });

  it("ranges are counted as pdf.js reads them: destinations consumed, arrays by their length, over 2^24 not at all", () => {
    expect(cmapRangeCodes("2 beginbfrange\n<0000> <00FF> <0020>\n<0100> <01FF> <0120>\nendbfrange")).toBe(512);
    expect(cmapRangeCodes("1 beginbfrange\n<0000> <FFFF> [<0041> <0042>]\nendbfrange")).toBe(2);
    expect(cmapRangeCodes("1 begincidrange\n<0000> <FFFF> 1\nendcidrange\n1 beginbfrange\n<00> <0F> <0030>\nendbfrange")).toBe(65_552);
    expect(cmapRangeCodes("1 beginbfrange\n<00000000> <FFFFFFFF> <0000>\nendbfrange")).toBe(0);
    expect(cmapRangeCodes("1 beginbfrange\n<0F> <00> <0000>\nendbfrange")).toBe(0);
  });

  it("in a batch the file fails alone with that line and the next file reads", async () => {
    const names = ["pdf-cmap-range-2e24.pdf", "pdf-tall-rule-1e9.pdf"];
    const seen: TaskResult[] = [];
    await runBatch(
      names.map((n) => ({ path: path(n), explicit: true })),
      { config: { command: "tables", format: "json", merged: "blank", bom: false }, jobs: 1, ordered: true },
      async (r) => {
        seen.push(r);
      },
    );
    expect(seen.map((r) => r.status)).toEqual(["failed", "ok"]);
    expect(seen[0].status === "failed" && seen[0].error).toBe(
      `${path("pdf-cmap-range-2e24.pdf")}: PDF too complex to read: a font's character map (CMap) covers 16,777,216 codes (the limit is 262,144)`,
    );
  }, 60_000);
});

describe("batch tasks read their input bounded (readInput)", () => {
  it("a PDF over its size limit is refused from its size in a batch worker, before it is read; the next file reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-big-"));
    const big = join(dir, "big.pdf");
    writeFileSync(big, "%PDF-1.7\n");
    truncateSync(big, INPUT_MAX_BYTES.pdf + 1024 * 1024); // sparse: no disk used
    const seen: TaskResult[] = [];
    await runBatch(
      [big, path("pdf-tall-rule-1e9.pdf")].map((p) => ({ path: p, explicit: true })),
      { config: { command: "tables", format: "json", merged: "blank", bom: false }, jobs: 1, ordered: true },
      async (r) => {
        seen.push(r);
      },
    );
    expect(seen.map((r) => r.status)).toEqual(["failed", "ok"]);
    expect(seen[0].status === "failed" && seen[0].error).toBe(`${big}: 257 MB: larger than the 256 MB limit for PDF files; refusing`);
  }, 60_000);
});
