/**
 * How well the interpreter reads layouts it has never seen (issue 12): generated performance tables
 * (test/generator) through interpret(), compared with the model the generator knows they hold.
 *
 *   npm run generalize [-- --n 100000 --from SEED]    exact-read rate overall, per option, per pair of options
 *                                                     (--all-pairs: every pair below 99%, however many)
 *   npm run generalize -- --emit K --out DIR [--n N]  K diverse cases as DIR/<id>/spec.json + expected.json
 *   npm run generalize -- --seed S                    one case: choices, tables, expected, differences
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toMatrix } from "../src/grid/matrix.ts";
import type { Table } from "../src/grid/types.ts";
import { runCase, type CaseResult } from "../test/generator/check.ts";
import { DIMENSIONS, generateCase, type Choices } from "../test/generator/index.ts";

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) out[key] = "true";
    else {
      out[key] = next;
      i++;
    }
  }
  return out;
}

/** The first two differences of a failing case, shortened for a one-line listing. */
const firstLines = (r: CaseResult) =>
  (r.error ? [`threw: ${r.error.split("\n")[0]}`] : r.schema ? [`schema: ${r.schema}`] : r.diffs.slice(0, 2)).map((d) =>
    d.length > 160 ? d.slice(0, 157) + "..." : d,
  );

const pctText = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : "—");

// ------------------------------------------------------------------------------------------------ one case

/** Display width: CJK and full-width forms take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);
function padTo(s: string, w: number): string {
  let out = "";
  for (const ch of s) {
    if (width(out + ch) > w - (width(s) > w ? 1 : 0)) return out + "…" + " ".repeat(Math.max(0, w - width(out) - 1));
    out += ch;
  }
  return out + " ".repeat(w - width(out));
}

/** A table as text: every slot of the expanded grid; 〃 continues a rowspan, ← a colspan, ⏎ a line break. */
function showTable(t: Table): string {
  const m = toMatrix(t);
  const cells = m.map((row, r) =>
    row.map((cell, c) => {
      if (!cell) return "·";
      if (cell.row !== r) return "〃";
      if (cell.col !== c) return "←";
      return cell.text.replace(/\n/g, "⏎") || "∅";
    }),
  );
  const colW = Array.from({ length: t.cols }, (_, c) => Math.min(22, Math.max(2, ...cells.map((row) => width(row[c] ?? "")))));
  return cells.map((row, r) => `  ${String(r).padStart(2)} │ ` + row.map((x, c) => padTo(x, colW[c])).join(" │ ")).join("\n");
}

function showCase(seed: number): void {
  const res = runCase(seed);
  const { c } = res;
  console.log(`seed ${seed}`);
  console.log(`choices ${JSON.stringify(c.choices)}`);
  // The grid may hold fewer tables than the blocks (breakAs=joined: a table joined over a page break).
  const joined = c.grid.tables.length !== c.blocks.filter((b) => b.type === "table").length;
  let t = 0;
  for (const b of c.blocks) {
    if (b.type === "p") console.log(`  ¶ [${b.role}${b.pageBreak ? ", page break" : ""}] ${b.text}`);
    else if (!joined) {
      console.log(`table ${t}: ${b.cols} columns, header rows [${b.headerRows.join(", ")}]`);
      console.log(showTable(c.grid.tables[t]));
      t++;
    } else console.log(`  [table block: ${b.cols} columns, ${b.rows.length} rows]`);
  }
  if (joined)
    c.grid.tables.forEach((table, i) => {
      console.log(`grid table ${i}: ${table.cols} columns, pages ${[...new Set(table.cells.map((x) => x.page))].join(", ")}`);
      console.log(showTable(table));
    });
  console.log("expected:");
  console.log(JSON.stringify(c.expected, null, 1));
  if (res.error) console.log(`interpreter threw: ${res.error}`);
  if (res.schema) console.log(`schema: ${res.schema}`);
  console.log(res.diffs.length ? `differences (${res.diffs.length}):\n  ${res.diffs.join("\n  ")}` : "reads exactly");
}

// ------------------------------------------------------------------------------------------------ statistics

/** Every option of every dimension, numbered, so pairs can be counted in flat arrays. */
const OPTION_IDS = new Map<string, number>();
const OPTION_NAMES: string[] = [];
for (const d of DIMENSIONS) {
  for (const o of d.options) {
    OPTION_IDS.set(`${d.name}=${o.id}`, OPTION_NAMES.length);
    OPTION_NAMES.push(`${d.name}=${o.id}`);
  }
}
const K = OPTION_NAMES.length;
const optionsOf = (ch: Choices) => Object.entries(ch).map(([d, o]) => OPTION_IDS.get(`${d}=${o}`)!);

function survey(from: number, n: number, allPairs: boolean): void {
  const seen = new Float64Array(K);
  const good = new Float64Array(K);
  const pairSeen = new Float64Array(K * K);
  const pairGood = new Float64Array(K * K);
  /** Up to 20 failing cases per option; the ones shown are picked at the end (see below). */
  const examples = new Map<number, { seed: number; ids: number[]; first: string[] }[]>();
  let exact = 0;
  let schemaBad = 0;
  let threw = 0;
  const t0 = Date.now();
  for (let s = from; s < from + n; s++) {
    const res = runCase(s);
    const ok = res.diffs.length === 0 && !res.schema;
    if (ok) exact++;
    if (res.schema) schemaBad++;
    if (res.error) threw++;
    const ids = optionsOf(res.c.choices);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i];
      seen[a]++;
      if (ok) good[a]++;
      else {
        const list = examples.get(a) ?? [];
        if (list.length < 20) list.push({ seed: s, ids, first: firstLines(res) });
        examples.set(a, list);
      }
      for (let j = i + 1; j < ids.length; j++) {
        const [x, y] = a < ids[j] ? [a, ids[j]] : [ids[j], a];
        pairSeen[x * K + y]++;
        if (ok) pairGood[x * K + y]++;
      }
    }
    if (process.stderr.isTTY && (s - from) % 1000 === 999) process.stderr.write(`\r${s - from + 1}/${n}`);
  }
  if (process.stderr.isTTY) process.stderr.write("\r");
  const secs = (Date.now() - t0) / 1000;
  console.log(
    `seeds ${from}…${from + n - 1}: ${exact}/${n} read exactly (${pctText(exact, n)}); ${schemaBad} schema-invalid, ${threw} threw; ${secs.toFixed(1)} s`,
  );

  console.log("\nexact rate per dimension option (n = cases with that option):");
  for (const d of DIMENSIONS) {
    const parts = d.options.map((o) => {
      const id = OPTION_IDS.get(`${d.name}=${o.id}`)!;
      return `${o.id} ${pctText(good[id], seen[id])} (${seen[id]})`;
    });
    console.log(`  ${d.name.padEnd(15)} ${parts.join(" · ")}`);
  }

  const minPair = 10;
  const pairs: { a: number; b: number; rate: number; n: number }[] = [];
  for (let a = 0; a < K; a++)
    for (let b = a + 1; b < K; b++) {
      const ns = pairSeen[a * K + b];
      if (ns >= minPair) pairs.push({ a, b, rate: pairGood[a * K + b] / ns, n: ns });
    }
  pairs.sort((x, y) => x.rate - y.rate || y.n - x.n);
  const rateOf = (id: number) => pctText(good[id], seen[id]);
  const line = (p: (typeof pairs)[number]) =>
    `  ${(100 * p.rate).toFixed(1).padStart(5)}%  n=${String(p.n).padEnd(6)} ${OPTION_NAMES[p.a]} (${rateOf(p.a)}) × ${OPTION_NAMES[p.b]} (${rateOf(p.b)})`;
  console.log(`\nthe 20 worst pairs of options (pairs seen in ≥ ${minPair} cases):`);
  for (const p of pairs.slice(0, 20)) console.log(line(p));
  const below = pairs.filter((p) => p.rate < 0.99);
  if (below.length <= 200 || allPairs) {
    console.log(`\npairs below 99%: ${below.length} of ${pairs.length} (the 20 above, then the rest):`);
    for (const p of below.slice(20)) console.log(line(p));
  } else {
    // Hundreds of pairs sit below 99% while single options are weak; the informative ones are those that
    // read worse than either of their options alone (an interaction, not one weak option showing through).
    const own = (id: number) => good[id] / seen[id];
    const interacting = below
      .map((p) => ({ ...p, drop: Math.min(own(p.a), own(p.b)) - p.rate }))
      .filter((p) => p.drop > 0.05)
      .sort((x, y) => y.drop - x.drop)
      .slice(0, 40);
    console.log(
      `\npairs below 99%: ${below.length} of ${pairs.length}; the ${interacting.length} that fall furthest below both options' own rates (--all-pairs lists all):`,
    );
    for (const p of interacting) console.log(`${line(p)}  [−${(100 * p.drop).toFixed(1)} pts]`);
  }

  // The examples shown for an option are the failing cases whose other options read best: their failure is
  // the most likely to be this option's own.
  console.log("\nexample failures of the weak options (rate below 99%; cases whose other options read best):");
  const own = (id: number) => (seen[id] ? good[id] / seen[id] : 1);
  for (let id = 0; id < K; id++) {
    if (!seen[id] || own(id) >= 0.99) continue;
    console.log(`  ${OPTION_NAMES[id]} (${rateOf(id)}):`);
    const others = (x: { ids: number[] }) => Math.min(...x.ids.filter((o) => o !== id).map(own));
    const picked = [...(examples.get(id) ?? [])].sort((x, y) => others(y) - others(x)).slice(0, 3);
    for (const x of picked) console.log(`    seed ${x.seed}: ${x.first.join(" | ")}`);
  }
}

// ------------------------------------------------------------------------------------------------ emitting

/** K cases that between them reach as many options, then as many pairs of options, as the seed range allows. */
function emit(from: number, n: number, k: number, out: string): void {
  const pool = Array.from({ length: n }, (_, i) => {
    const seed = from + i;
    const ids = optionsOf(generateCase(seed).choices);
    const pairKeys: number[] = [];
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) pairKeys.push(Math.min(ids[a], ids[b]) * K + Math.max(ids[a], ids[b]));
    return { seed, ids, pairKeys };
  });
  const optionsCovered = new Set<number>();
  const pairsCovered = new Set<number>();
  const chosen: number[] = [];
  const taken = new Set<number>();
  while (chosen.length < k && taken.size < pool.length) {
    let best = -1;
    let bestGain = -1;
    pool.forEach((x, i) => {
      if (taken.has(i)) return;
      const gain = x.ids.filter((id) => !optionsCovered.has(id)).length * 1000 + x.pairKeys.filter((p) => !pairsCovered.has(p)).length;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    taken.add(best);
    chosen.push(pool[best].seed);
    pool[best].ids.forEach((id) => optionsCovered.add(id));
    pool[best].pairKeys.forEach((p) => pairsCovered.add(p));
  }
  for (const seed of chosen) {
    const c = generateCase(seed);
    const id = `gen-${String(seed).padStart(6, "0")}`;
    const dir = join(out, id);
    mkdirSync(dir, { recursive: true });
    const title = c.blocks.find((b) => b.type === "p" && (b.role === "title" || b.role === "heading1"));
    const spec = {
      id,
      dir: id,
      group: "generated",
      seed,
      title: title && title.type === "p" ? title.text : `generated case ${seed}`,
      choices: c.choices,
      ...(c.choices.family === "wide" ? { landscape: true, docxFontSize: 9 } : {}),
      blocks: c.blocks,
    };
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec, null, 2) + "\n");
    writeFileSync(join(dir, "expected.json"), JSON.stringify(c.expected, null, 2) + "\n");
  }
  console.log(`wrote ${chosen.length} cases to ${out}: ${optionsCovered.size} of ${K} options, ${pairsCovered.size} pairs of options`);
}

// `… | head` closes the pipe early; that is no error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const a = args(process.argv.slice(2));
const from = Number(a.from ?? 0);
if (a.seed !== undefined) showCase(Number(a.seed));
else if (a.emit !== undefined) {
  if (!a.out) throw new Error("--emit needs --out DIR");
  emit(from, Number(a.n ?? 5000), Number(a.emit), a.out);
} else survey(from, Number(a.n ?? 20000), a["all-pairs"] === "true");
