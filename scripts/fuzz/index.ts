/**
 * The fuzz harness (issue 13): seeded mutations of the fixtures run through the built CLI in batches.
 *
 *   npm run fuzz -- --count N --seed S [--from I] [--timeout SEC] [--jobs J] [--batch B] [--keep DIR]
 *                   [--max-rss MB] [--rss-kill MB] [--no-validate] [--no-minimise] [--case I] [--formats pdf,docx,html]
 *
 * Case i of seed S is always the same mutant (`--case i` reproduces it alone). Each batch of B mutants is run as
 * `jixiao extract in -o out --jobs J --timeout SEC` and `jixiao validate in --format json …` in a child process
 * with a wall-clock limit, and judged (scripts/fuzz/judge.ts): crashes, hangs, memory, partial or lost outputs,
 * writes outside the output folder. A failure seen in a batch is re-run input by input to find its cause; each
 * failing input is minimised (scripts/fuzz/minimise.ts) and kept in --keep DIR with a note. Exit 1 on any failure.
 *
 * The CLI runs from dist/ (bin/jixiao.js): build first (`npm run build`) when src/ changed. bin/ and dist/ are
 * copied into the work folder at the start (`--no-snapshot`: run them in place), so a build running meanwhile
 * cannot change the tool under test halfway.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CATEGORIES, judgeExtract, judgeValidate, pad, type Category, type Failure, type Judged } from "./judge.ts";
import { minimise } from "./minimise.ts";
import { mutate, type Format, type Seed } from "./mutate.ts";
import { Rng } from "./rng.ts";
import { runNode, type RunResult } from "./run.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// ────────────────────────────────────────────────────────────────────────────── options

interface Options {
  count: number;
  seed: number;
  timeout: number;
  jobs: number;
  batch: number;
  keep: string;
  maxRss: number;
  rssKill: number;
  validate: boolean;
  minimise: boolean;
  minAttempts: number;
  minSeconds: number;
  only: number | null;
  from: number;
  formats: Format[];
  fixtures: string;
  bin: string;
  keepWork: boolean;
  snapshot: boolean;
  /** Fingerprint of the fixture set (filled in by main). */
  fixtureSet?: string;
}

function parseArgs(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split("=", 2);
    if (inline !== undefined) flags.set(key, inline);
    else if (argv[i + 1] === undefined || argv[i + 1].startsWith("--")) flags.set(key, "true");
    else flags.set(key, argv[++i]);
  }
  const known = [
    "count",
    "seed",
    "timeout",
    "jobs",
    "batch",
    "keep",
    "max-rss",
    "rss-kill",
    "no-validate",
    "no-minimise",
    "min-attempts",
    "min-seconds",
    "case",
    "from",
    "formats",
    "fixtures",
    "bin",
    "keep-work",
    "no-snapshot",
    "help",
  ];
  for (const k of flags.keys())
    if (!known.includes(k)) throw new Error(`unknown option --${k} (known: ${known.map((x) => "--" + x).join(" ")})`);
  if (flags.has("help")) {
    process.stdout.write(readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0] + "*/\n");
    process.exit(0);
  }
  const num = (k: string, d: number) => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} wants a number, got ${v}`);
    return n;
  };
  const seed = num("seed", 1);
  return {
    count: num("count", 100),
    seed,
    timeout: num("timeout", 10),
    jobs: Math.max(1, num("jobs", 2)),
    batch: Math.max(1, num("batch", 20)),
    keep: resolve(flags.get("keep") ?? join(tmpdir(), `jixiao-fuzz-keep-seed${seed}`)),
    maxRss: num("max-rss", 512),
    rssKill: num("rss-kill", 3000),
    validate: !flags.has("no-validate"),
    minimise: !flags.has("no-minimise"),
    minAttempts: num("min-attempts", 48),
    minSeconds: num("min-seconds", 120),
    only: flags.has("case") ? num("case", 0) : null,
    from: num("from", 0),
    formats: (flags.get("formats") ?? "pdf,docx,html").split(",").map((f) => {
      if (f !== "pdf" && f !== "docx" && f !== "html") throw new Error(`--formats: unknown format ${f}`);
      return f;
    }),
    fixtures: resolve(flags.get("fixtures") ?? join(ROOT, "fixtures")),
    bin: resolve(flags.get("bin") ?? join(ROOT, "bin/jixiao.js")),
    keepWork: flags.has("keep-work"),
    snapshot: !flags.has("no-snapshot"),
  };
}

// ────────────────────────────────────────────────────────────────────────────── seeds and cases

function loadSeeds(dir: string, formats: readonly Format[]): Seed[] {
  const out: Seed[] = [];
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (rel.split(/[\\/]/)[0] === "bad") continue; // the hand-made bad inputs are tested on their own
    const ext = extname(rel).slice(1).toLowerCase() as Format;
    if (!formats.includes(ext)) continue;
    const path = join(dir, rel);
    if (!statSync(path).isFile()) continue;
    out.push({ path: relative(ROOT, path), format: ext, bytes: new Uint8Array(readFileSync(path)) });
  }
  return out;
}

interface Case {
  id: number;
  seed: Seed;
  ext: Format;
  bytes: Uint8Array;
  ops: string[];
}

const FORMAT_WEIGHT: Record<Format, number> = { pdf: 2, docx: 1, html: 1 };

function makeCase(opts: Options, seeds: readonly Seed[], id: number): Case {
  const rng = Rng.forCase(opts.seed, id);
  const present = opts.formats.filter((f) => seeds.some((s) => s.format === f));
  const format = rng.weighted(present.map((f) => [FORMAT_WEIGHT[f], f] as const));
  const seed = rng.pick(seeds.filter((s) => s.format === format));
  const m = mutate(rng, seed, seeds);
  return { id, seed, ext: format, bytes: m.bytes, ops: m.ops };
}

const caseName = (c: { id: number; ext: string }) => `c${pad(c.id)}.${c.ext}`;

// ────────────────────────────────────────────────────────────────────────────── running

type Command = "extract" | "validate";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((r) => join(dir, r))
    .filter((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
}

/** Every path under `dir` (but the excluded top-level names) with its size and mtime. */
function snapshot(dir: string, exclude: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    if (exclude.includes(rel.split(/[\\/]/)[0])) continue;
    const s = statSync(join(dir, rel), { throwIfNoEntry: false });
    out.set(rel, s ? `${s.size}:${s.mtimeMs}:${s.isDirectory() ? "d" : "f"}` : "gone");
  }
  return out;
}

function snapshotDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(before.has(k) ? `changed ${k}` : `created ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}

interface RunRecord {
  command: Command;
  result: RunResult;
  judged: Judged;
  read: number;
  failed: number;
  skipped: number;
}

class Runner {
  private n = 0;
  constructor(
    readonly opts: Options,
    readonly work: string,
  ) {}

  /** One CLI run over `cases` written into a fresh folder; judged, including writes outside the output folder. */
  async run(command: Command, cases: readonly Case[], limitMs: number): Promise<RunRecord> {
    const dir = join(this.work, `${command}-${String(++this.n).padStart(4, "0")}`);
    for (const sub of ["in", "out", "tmp"]) mkdirSync(join(dir, sub), { recursive: true });
    for (const c of cases) writeFileSync(join(dir, "in", caseName(c)), c.bytes);
    const inputs = cases.length === 1 ? [join("in", caseName(cases[0]))] : ["in"];
    const common = ["--jobs", String(this.opts.jobs), "--timeout", String(this.opts.timeout)];
    const args =
      command === "extract"
        ? ["extract", ...inputs, "-o", "out", ...common]
        : ["validate", ...inputs, "--format", "json", "--fail-on", "never", ...common];
    const beforeDir = snapshot(dir, ["out", "tmp"]);
    const self = relative(this.work, dir);
    const topLevel = () =>
      new Map(
        readdirSync(this.work)
          .filter((n) => n !== self)
          .map((n) => [n, String(statSync(join(this.work, n), { throwIfNoEntry: false })?.mtimeMs)]),
      );
    const beforeWork = topLevel();
    const result = await runNode(this.opts.bin, args, {
      cwd: dir,
      limitMs,
      rssKillMb: this.opts.rssKill,
      env: { ...process.env, TMPDIR: join(dir, "tmp"), TMP: join(dir, "tmp"), TEMP: join(dir, "tmp"), NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const ids = cases.map((c) => c.id);
    const judged =
      command === "extract"
        ? judgeExtract(result, ids, join(dir, "out"), listFiles(join(dir, "out")), this.opts.maxRss)
        : judgeValidate(result, ids, this.opts.maxRss);
    const outside = snapshotDiff(beforeDir, snapshot(dir, ["out", "tmp"]));
    outside.push(...snapshotDiff(beforeWork, topLevel()).map((d) => d.replace(" ", " ../")));
    if (outside.length) judged.failures.push({ category: "outside", cases: ids, detail: outside.slice(0, 5).join(", ") });
    const leftovers = listFiles(join(dir, "tmp"));
    if (leftovers.length)
      judged.failures.push({
        category: "partial",
        cases: ids,
        detail: `left in TMPDIR: ${leftovers
          .slice(0, 3)
          .map((f) => relative(dir, f))
          .join(", ")}`,
      });
    const m = /(\d+) read, (\d+) failed, (\d+) skipped/.exec(result.stderr);
    if (!this.opts.keepWork) rmSync(dir, { recursive: true, force: true });
    return { command, result, judged, read: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), skipped: Number(m?.[3] ?? 0) };
  }

  batchLimitMs(n: number): number {
    const t = this.opts.timeout || 120;
    return (t * Math.ceil(n / this.opts.jobs) + 30) * 1000;
  }

  singleLimitMs(): number {
    return ((this.opts.timeout || 120) + 20) * 1000;
  }
}

// ────────────────────────────────────────────────────────────────────────────── attribution and keeping

interface Found {
  command: Command;
  /** "slow": the tool timed the input out itself — not a failure, kept to look at. */
  category: Category | "slow";
  case: Case | null;
  detail: string;
  kept?: string;
  keptBytes?: number;
  /** Seen in the batch only, not when the input ran alone. */
  batchOnly?: boolean;
}

/** One failure per category for the whole run (details joined); failures of single inputs stay as they are. */
function mergeFailures(failures: readonly Failure[]): Failure[] {
  const out: Failure[] = [];
  const wide = new Map<Category, Failure>();
  for (const f of failures) {
    if (f.cases.length === 1) {
      out.push(f);
      continue;
    }
    const w = wide.get(f.category);
    if (!w) {
      const copy = { ...f, cases: [...f.cases] };
      wide.set(f.category, copy);
      out.push(copy);
    } else {
      w.cases = [...new Set([...w.cases, ...f.cases])];
      if (w.detail.length < 400) w.detail += `; ${f.detail}`;
    }
  }
  return out;
}

async function attribute(runner: Runner, command: Command, failure: Failure, byId: Map<number, Case>, found: Found[]): Promise<void> {
  const key = (c: number) => `${command}/${failure.category}/${c}`;
  const known = new Set(found.map((f) => f.case && `${f.command}/${f.category}/${f.case.id}`));
  if (failure.cases.length === 1) {
    const c = byId.get(failure.cases[0]);
    if (!c || known.has(key(c.id))) return;
    // Confirm it alone: a failure that needs the batch (or a flake) is reported as such, not kept as an input.
    const rec = await runner.run(command, [c], runner.singleLimitMs());
    const same = rec.judged.failures.find((f) => f.category === failure.category);
    if (same) found.push({ command, category: failure.category, case: c, detail: same.detail });
    else
      found.push({
        command,
        category: failure.category,
        case: null,
        detail: `c${pad(c.id)}: ${failure.detail} (in its batch only; not alone)`,
        batchOnly: true,
      });
    return;
  }
  // A batch-level failure: run each input alone and keep those that reproduce it.
  let any = failure.cases.some((id) => known.has(key(id)));
  const alone: { c: Case; mb: number }[] = [];
  for (const id of failure.cases) {
    const c = byId.get(id);
    if (!c || known.has(key(id))) continue;
    const rec = await runner.run(command, [c], runner.singleLimitMs());
    alone.push({ c, mb: rec.result.peakRssMb });
    const same = rec.judged.failures.find((f) => f.category === failure.category);
    if (same) {
      any = true;
      found.push({ command, category: failure.category, case: c, detail: same.detail });
    }
  }
  if (!any) {
    let detail = `${failure.detail} (batch of ${failure.cases.length}; no input reproduces it alone)`;
    let heaviest: Case | null = null;
    if (failure.category === "memory" && alone.length) {
      // Memory of a batch is not one input's: name the heaviest alone, and keep the heaviest to look at.
      alone.sort((a, b) => b.mb - a.mb);
      detail += `; alone, the heaviest: ${alone
        .slice(0, 3)
        .map((a) => `c${pad(a.c.id)} ${a.mb} MB`)
        .join(", ")}`;
      heaviest = alone[0].c;
    }
    found.push({ command, category: failure.category, case: heaviest, detail, batchOnly: true });
  }
}

async function keep(runner: Runner, f: Found, opts: Options): Promise<void> {
  if (!f.case) return;
  const c = f.case;
  mkdirSync(opts.keep, { recursive: true });
  const base = join(opts.keep, `${f.command}-${f.category}${f.batchOnly ? "-batch" : ""}-c${pad(c.id)}`);
  writeFileSync(`${base}.orig.${c.ext}`, c.bytes);
  let bytes = c.bytes;
  let tries = 0;
  if (opts.minimise && !f.batchOnly && f.category !== "slow") {
    const hang = f.category === "hang";
    const budget = { attempts: hang ? 6 : opts.minAttempts, deadline: Date.now() + opts.minSeconds * 1000 };
    bytes = await minimise(
      c.bytes,
      c.ext === "docx",
      async (b) => {
        tries++;
        const rec = await runner.run(f.command, [{ ...c, bytes: b }], runner.singleLimitMs());
        return rec.judged.failures.some((x) => x.category === f.category);
      },
      budget,
    );
  }
  writeFileSync(`${base}.${c.ext}`, bytes);
  const note = [
    `category: ${f.category} (${f.command})`,
    `detail:   ${f.detail}`,
    `case:     ${c.id} of seed ${opts.seed}, fixture set ${opts.fixtureSet}  (reproduce: npm run fuzz -- --seed ${opts.seed} --case ${c.id})`,
    `fixture:  ${c.seed.path}`,
    `ops:      ${c.ops.join(" ; ")}`,
    tries
      ? `size:     ${c.bytes.length} bytes → minimised ${bytes.length} bytes (${tries} runs)`
      : `size:     ${c.bytes.length} bytes (not minimised)`,
    `command:  node bin/jixiao.js ${f.command === "extract" ? "extract FILE -o OUT" : "validate FILE --format json --fail-on never"} --jobs ${opts.jobs} --timeout ${opts.timeout}`,
    "",
  ].join("\n");
  writeFileSync(`${base}.txt`, note);
  f.kept = `${base}.${c.ext}`;
  f.keptBytes = bytes.length;
}

// ────────────────────────────────────────────────────────────────────────────── report

const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("   ")).join("\n");
}

// ────────────────────────────────────────────────────────────────────────────── main

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.bin)) throw new Error(`${opts.bin} not found`);
  const distMain = join(ROOT, "dist/cli/main.js");
  if (opts.bin === resolve(ROOT, "bin/jixiao.js") && !existsSync(distMain)) throw new Error("dist/ is missing: run `npm run build` first");
  const seeds = loadSeeds(opts.fixtures, opts.formats);
  if (!seeds.length) throw new Error(`no fixtures (${opts.formats.join(", ")}) under ${opts.fixtures}`);
  // Case i of seed S is the same mutant only over the same fixtures: name the set.
  const fixtureSet = createHash("sha256")
    .update(seeds.map((s) => `${s.path}:${s.bytes.length}`).join("\n"))
    .digest("hex")
    .slice(0, 8);
  opts.fixtureSet = fixtureSet;
  const work = mkdtempSync(join(tmpdir(), "jixiao-fuzz-"));
  if (opts.snapshot && opts.bin === resolve(ROOT, "bin/jixiao.js")) {
    // A private copy of the built tool: bin/, dist/, package.json, and node_modules by link.
    const app = join(work, "app");
    for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(app, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"), "dir");
    opts.bin = join(app, "bin/jixiao.js");
  }
  const runner = new Runner(opts, work);
  const started = Date.now();
  // The tool must read an unmutated fixture before its failures on mutants mean anything.
  const sane = seeds.find((s) => s.format === "html") ?? seeds[0];
  const check = await runner.run("extract", [{ id: 0, seed: sane, ext: sane.format, bytes: sane.bytes, ops: [] }], runner.singleLimitMs());
  if (check.result.code !== 0 || check.judged.failures.length) {
    throw new Error(
      `the tool does not read ${sane.path} (exit ${check.result.code}): ${check.result.stderr.trim().split("\n").slice(0, 3).join(" | ")}`,
    );
  }

  const ids = opts.only !== null ? [opts.only] : Array.from({ length: opts.count }, (_, i) => opts.from + i);
  const perFormat: Record<string, number> = {};
  const commands: Command[] = opts.validate ? ["extract", "validate"] : ["extract"];
  const records: RunRecord[] = [];
  const found: Found[] = [];
  const slow: Found[] = [];
  process.stderr.write(
    `fuzz: seed ${opts.seed}, ${ids.length} cases from ${seeds.length} fixtures (set ${fixtureSet}), batches of ${opts.batch}, --jobs ${opts.jobs} --timeout ${opts.timeout}; work ${work}\n`,
  );

  for (let b = 0; b < ids.length; b += opts.batch) {
    const cases = ids.slice(b, b + opts.batch).map((id) => makeCase(opts, seeds, id));
    for (const c of cases) perFormat[c.ext] = (perFormat[c.ext] ?? 0) + 1;
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const command of commands) {
      const rec = await runner.run(command, cases, runner.batchLimitMs(cases.length));
      records.push(rec);
      for (const failure of mergeFailures(rec.judged.failures)) await attribute(runner, command, failure, byId, found);
      for (const id of rec.judged.toolTimeouts) {
        const c = byId.get(id);
        if (c && !slow.some((f) => f.case?.id === id))
          slow.push({ command, category: "slow", case: c, detail: `the tool timed it out (--timeout ${opts.timeout})` });
      }
    }
    const last = records.slice(-commands.length);
    process.stderr.write(
      `fuzz: cases ${cases[0].id}–${cases[cases.length - 1].id}: ${last.map((r) => `${r.command} exit ${r.result.code ?? r.result.signal} ${(r.result.wallMs / 1000).toFixed(1)} s ${r.result.peakRssMb} MB`).join(", ")}; failures so far ${found.length}\n`,
    );
  }

  for (const f of found) {
    if (f.case && !f.batchOnly) process.stderr.write(`fuzz: minimising ${f.command}/${f.category} c${pad(f.case.id)} …\n`);
    await keep(runner, f, opts);
  }
  for (const f of slow) await keep(runner, f, opts);

  // ── summary
  const col = (command: Command) => records.filter((r) => r.command === command);
  const header = ["", ...commands];
  const count = (command: Command, cat: Category) => String(found.filter((f) => f.command === command && f.category === cat).length);
  const sum = (command: Command, fn: (r: RunRecord) => number) => String(col(command).reduce((s, r) => s + fn(r), 0));
  const rss = (command: Command) => col(command).map((r) => r.result.peakRssMb);
  const rows: string[][] = [
    header,
    ["batch runs", ...commands.map((c) => String(col(c).length))],
    ["inputs read", ...commands.map((c) => sum(c, (r) => r.read))],
    ["inputs failed (one line each)", ...commands.map((c) => sum(c, (r) => r.failed))],
    ["inputs skipped (not a document)", ...commands.map((c) => sum(c, (r) => r.skipped))],
    ["tool-reported timeouts (kept)", ...commands.map((c) => sum(c, (r) => r.judged.toolTimeouts.length))],
    ...CATEGORIES.map((cat) => [`FAIL ${cat}`, ...commands.map((c) => count(c, cat))]),
    ["peak RSS MB: median", ...commands.map((c) => String(median(rss(c))))],
    ["peak RSS MB: p90", ...commands.map((c) => String(quantile(rss(c), 0.9)))],
    ["peak RSS MB: max", ...commands.map((c) => String(Math.max(0, ...rss(c))))],
    ["batch wall s: median", ...commands.map((c) => (median(col(c).map((r) => r.result.wallMs)) / 1000).toFixed(1))],
    ["batch wall s: max", ...commands.map((c) => (Math.max(0, ...col(c).map((r) => r.result.wallMs)) / 1000).toFixed(1))],
  ];
  const formats = Object.entries(perFormat)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  const lines = [
    "",
    `jixiao fuzz — seed ${opts.seed}, ${ids.length} cases (${formats}) from ${seeds.length} fixtures (set ${fixtureSet}), batches of ${opts.batch}, --jobs ${opts.jobs} --timeout ${opts.timeout}, --max-rss ${opts.maxRss} MB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    "",
    table(rows),
    "",
  ];
  if (found.length) {
    lines.push(`${found.length} failure(s):`);
    for (const f of found) {
      const what = f.case
        ? `${f.batchOnly ? "batch; kept its heaviest input " : ""}c${pad(f.case.id)} (${f.case.seed.path}; ${f.case.ops.join(" ; ")})`
        : "batch";
      lines.push(`  ${f.command}/${f.category}  ${what}`);
      lines.push(`      ${f.detail}`);
      if (f.kept) lines.push(`      kept: ${f.kept} (${f.keptBytes} bytes, from ${f.case!.bytes.length})`);
    }
    lines.push("");
  } else lines.push("no failures", "");
  if (slow.length) {
    lines.push(`${slow.length} input(s) the tool timed out itself (not failures; kept to look at):`);
    for (const f of slow) lines.push(`  c${pad(f.case!.id)} (${f.case!.seed.path}; ${f.case!.ops.join(" ; ")})`, `      kept: ${f.kept}`);
    lines.push("");
  }
  process.stdout.write(lines.join("\n"));
  if (found.length || slow.length) {
    mkdirSync(opts.keep, { recursive: true });
    writeFileSync(join(opts.keep, "summary.txt"), lines.join("\n"));
  }
  if (!opts.keepWork) rmSync(work, { recursive: true, force: true });
  return found.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
