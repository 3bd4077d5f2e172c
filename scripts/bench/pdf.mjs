#!/usr/bin/env node
/**
 * PDF reading speed and memory, on the BUILT code (dist/; run `npm run build` first), over every readable PDF
 * fixture, against `pdftotext -bbox-layout` (poppler) on the same files as the reference.
 *
 *   node scripts/bench/pdf.mjs [--rounds N] [--mode worker|in-thread]
 *
 * Prints per file and in total: pages, jixiao's time (warm: pdf.js already loaded), pdftotext's time, the ratio,
 * pages/s, and peak RSS of this process (pdf.js worker thread included) and of pdftotext. The cold start (the
 * first file, with pdf.js import and worker start-up) is shown apart.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const rounds = Number(arg("rounds", "3"));
const mode = arg("mode", "worker");

const dist = join(root, "dist/formats/pdf/index.js");
if (!existsSync(dist)) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(1);
}

/** Every PDF fixture that is meant to be read (not the broken ones). */
function fixtures() {
  const out = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        // fixtures/bad holds hostile inputs for the reliability tests, not documents to time.
        if (p !== join(root, "fixtures", "bad")) walk(p);
      } else if (e.name.endsWith(".pdf")) out.push(p);
    }
  };
  walk(join(root, "fixtures"));
  const broken = /(encrypted-user|truncated|damaged|image-only)\.pdf$/;
  return out.filter((p) => !broken.test(p)).sort();
}

const t0 = performance.now();
const { readPdfWith } = await import(dist);
const importMs = performance.now() - t0;
const files = fixtures().map((p) => ({ path: p, name: relative(root, p), bytes: new Uint8Array(readFileSync(p)) }));
if (files.length === 0) {
  console.error("no PDF fixtures found");
  process.exit(1);
}

// Cold: the first read starts the worker and loads pdf.js.
const c0 = performance.now();
await readPdfWith(files[0].bytes, files[0].name, { mode });
const coldMs = performance.now() - c0;

const jixiao = new Map(files.map((f) => [f.name, { pages: 0, ms: Infinity, tables: 0 }]));
for (let r = 0; r < rounds; r++) {
  for (const f of files) {
    const s = performance.now();
    const grid = await readPdfWith(f.bytes, f.name, { mode });
    const ms = performance.now() - s;
    const rec = jixiao.get(f.name);
    rec.ms = Math.min(rec.ms, ms);
    rec.pages = grid.pages;
    rec.tables = grid.tables.length;
  }
}
const jixiaoRss = process.resourceUsage().maxRSS / 1024;

/** pdftotext's wall time (best of the rounds) and peak RSS (via /usr/bin/time when present). */
const hasTime = existsSync("/usr/bin/time");
const poppler = new Map();
for (const f of files) {
  let best = Infinity;
  let rss = 0;
  for (let r = 0; r < rounds; r++) {
    const s = performance.now();
    const res = hasTime
      ? spawnSync("/usr/bin/time", ["-f", "%M", "pdftotext", "-bbox-layout", f.path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 })
      : spawnSync("pdftotext", ["-bbox-layout", f.path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const ms = performance.now() - s;
    if (res.error) {
      console.error(`pdftotext failed: ${res.error.message}`);
      process.exit(1);
    }
    best = Math.min(best, ms);
    if (hasTime) rss = Math.max(rss, Number(res.stderr.trim().split("\n").at(-1)) / 1024 || 0);
  }
  poppler.set(f.name, { ms: best, rss });
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, d = 0) => x.toFixed(d).padStart(8);
console.log(`PDF bench (${mode}, best of ${rounds}) — ${files.length} files`);
console.log(`${pad("file", 52)}   pages  tables  jixiao ms  pdftotext ms   ratio`);
let pages = 0,
  jms = 0,
  pms = 0,
  prss = 0;
for (const f of files) {
  const j = jixiao.get(f.name);
  const p = poppler.get(f.name);
  pages += j.pages;
  jms += j.ms;
  pms += p.ms;
  prss = Math.max(prss, p.rss);
  console.log(`${pad(f.name, 52)} ${num(j.pages)} ${num(j.tables)} ${num(j.ms, 1)}   ${num(p.ms, 1)}    ${num(j.ms / p.ms, 2)}`);
}
console.log("");
console.log(
  `total: ${pages} pages; jixiao ${jms.toFixed(0)} ms (${((pages * 1000) / jms).toFixed(1)} pages/s), pdftotext -bbox-layout ${pms.toFixed(0)} ms (${((pages * 1000) / pms).toFixed(1)} pages/s)`,
);
console.log(`time ratio jixiao / pdftotext: ${(jms / pms).toFixed(2)}× (target ≤ 5×)`);
console.log(
  `cold start: import ${importMs.toFixed(0)} ms, first file ${coldMs.toFixed(0)} ms (worker start + pdf.js load + ${files[0].name})`,
);
console.log(
  `peak RSS: jixiao process ${jixiaoRss.toFixed(0)} MB (incl. pdf.js worker), pdftotext ${hasTime ? prss.toFixed(0) + " MB" : "n/a"}`,
);
process.exit(0);
