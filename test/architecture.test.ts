/**
 * The import graph of src/ (README "How it works": formats → grid → interpret → validate → output/report, cli and
 * batch on top). A small static scan — `import … from "…"`, `export … from "…"`, `import "…"`, `import("…")` at
 * the start of a line, relative specifiers resolved to files — checked for:
 *
 * - import cycles, runtime imports and type-only ones alike. `import type` (and `import { type A, type B }`) is
 *   erased by tsc and cannot change the order modules run in, but a cycle of types still ties two modules into
 *   one: the types both sides need go into a `types.ts` (src/validate/types.ts, src/report/types.ts). Today
 *   there is none of either kind; the two are reported apart because a runtime cycle is the worse one.
 * - layers: a format backend (src/formats/**) knows bytes and the grid, nothing of what reads the grid; one
 *   backend never imports another (shared code lives in src/grid or a top-level src/formats/*.ts helper; a
 *   backend that needs another's reader gets it handed in by src/formats/index.ts); the interpreter sees grids,
 *   never formats; the validator sees the model; the grid imports only itself and src/settings.
 * - src/index.ts: the library API listed name by name (`export *` only from src/model/, the model's definition).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const SRC = join(ROOT, "src");

/** One import of a module: its specifier, whether tsc erases it, whether it is `import("…")`. */
interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  dynamic: boolean;
  /** `export * from` (re-exports every name). */
  star: boolean;
}

/** The imports of one TypeScript source, from statements that start a line (top-level code is not indented). */
function scanImports(source: string): ImportRef[] {
  const out: ImportRef[] = [];
  // Statements with `from`: the clause may run over several lines, never past a `;`.
  for (const m of source.matchAll(/^(import|export)\s+([^;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    const clause = m[2].trim();
    out.push({ specifier: m[3], typeOnly: typeOnlyClause(clause), dynamic: false, star: m[1] === "export" && /^\*/.test(clause) });
  }
  for (const m of source.matchAll(/^import\s*["']([^"']+)["']/gm))
    out.push({ specifier: m[1], typeOnly: false, dynamic: false, star: false });
  for (const m of source.matchAll(/(\btypeof\s+)?\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    out.push({ specifier: m[2], typeOnly: m[1] !== undefined, dynamic: true, star: false });
  }
  return out;
}

/** `type {…}`, `type X`, `type * as X`, or braces holding only `type A` specifiers: erased by tsc. */
function typeOnlyClause(clause: string): boolean {
  if (/^type\b/.test(clause)) return true;
  const braces = /^\{([\s\S]*)\}$/.exec(clause);
  if (!braces) return false;
  const names = braces[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
}

/** src-relative path of the file a relative specifier names, or null when it names none. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  const target = resolve(dirname(fromFile), specifier);
  for (const c of [target, target.replace(/\.js$/, ".ts"), target + ".ts", join(target, "index.ts")]) {
    if (existsSync(c) && statSync(c).isFile()) return relative(SRC, c);
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

interface Edge {
  from: string; // src-relative, e.g. "formats/docx/index.ts"
  to: string;
  typeOnly: boolean;
  dynamic: boolean;
}

function importGraph(): { edges: Edge[]; unresolved: string[]; files: Map<string, string> } {
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  const files = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, "utf8");
    const from = relative(SRC, file);
    files.set(from, source);
    for (const ref of scanImports(source)) {
      if (!ref.specifier.startsWith(".")) continue; // packages and node: builtins
      const to = resolveSpecifier(file, ref.specifier);
      if (to === null) unresolved.push(`${from}: ${ref.specifier}`);
      else if (!to.startsWith("..")) edges.push({ from, to, typeOnly: ref.typeOnly, dynamic: ref.dynamic });
    }
  }
  return { edges, unresolved, files };
}

/**
 * The layer of a src-relative path: `formats/pdf`, `formats/html`, `formats/docx` (backends), `formats` (the
 * top-level helpers and entry), `grid`, `interpret`, … and `root` for src/*.ts (errors, extract, index).
 */
function layerOf(path: string): string {
  const parts = path.split("/");
  if (parts.length === 1) return "root";
  if (parts[0] === "formats" && parts.length > 2) return `formats/${parts[1]}`;
  return parts[0];
}

const BACKENDS = ["formats/pdf", "formats/html", "formats/docx"];
const isFormats = (layer: string) => layer === "formats" || layer.startsWith("formats/");

/**
 * What each layer may not import, by layer (src/formats/** counts as `formats`). One backend importing another is
 * checked separately (any backend → any other).
 */
const FORBIDDEN: { layer: (l: string) => boolean; name: string; forbidden: (l: string) => boolean; why: string }[] = [
  {
    layer: isFormats,
    name: "src/formats/**",
    forbidden: (l) => ["interpret", "validate", "output", "report", "batch", "cli"].includes(l),
    why: "a format backend turns bytes into the grid and knows nothing of what reads it",
  },
  {
    layer: (l) => l === "interpret",
    name: "src/interpret",
    forbidden: (l) => isFormats(l) || ["validate", "output", "report", "batch", "cli"].includes(l),
    why: "the interpreter reads grids, whatever format they came from, and knows nothing of rules or writers",
  },
  {
    layer: (l) => l === "validate",
    name: "src/validate",
    forbidden: (l) => isFormats(l) || ["output", "report", "batch", "cli"].includes(l),
    why: "rules read the model only",
  },
  {
    layer: (l) => l === "grid",
    name: "src/grid",
    forbidden: (l) => l !== "grid" && l !== "settings",
    why: "the grid is the intermediate every layer shares; it depends on nothing but itself and settings",
  },
];

/** Known exceptions, `from -> to` (src-relative), each with its reason. None today. */
const ALLOWED: Record<string, string> = {};

function layerViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (`${e.from} -> ${e.to}` in ALLOWED) continue;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    for (const rule of FORBIDDEN) {
      if (rule.layer(from) && rule.forbidden(to)) {
        out.push(`${e.from} imports ${e.to}: ${rule.name} may not import src/${to === "root" ? e.to : to} (${rule.why})`);
      }
    }
    if (BACKENDS.includes(from) && BACKENDS.includes(to) && from !== to) {
      out.push(`${e.from} imports ${e.to}: one format backend never imports another (shared code goes to src/grid or src/formats/*.ts)`);
    }
  }
  return out;
}

/** The cycles of a graph: its strongly connected components of more than one file (or a file importing itself). */
function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  // Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack.
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const targets = next.get(v)!;
      if (i < targets.length) {
        frame[1]++;
        const w = targets[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || targets.includes(v)) out.push(component.sort());
      }
    }
  }
  return out;
}

const graph = importGraph();
const runtime = graph.edges.filter((e) => !e.typeOnly);

describe("the import graph of src/", () => {
  it("resolves every relative import to a file (the scan sees what tsc sees)", () => {
    expect(graph.unresolved).toEqual([]);
    // A few edges the scan must find, so a broken scan cannot pass silently.
    const has = (from: string, to: string) => graph.edges.some((e) => e.from === from && e.to === to);
    expect(has("formats/docx/index.ts", "grid/assemble.ts")).toBe(true);
    expect(has("formats/index.ts", "formats/html/index.ts")).toBe(true);
    expect(has("cli/main.ts", "batch/extract.ts")).toBe(true); // a dynamic import
    expect(graph.edges.length).toBeGreaterThan(200);
  });

  it("has no import cycle (runtime imports)", () => {
    expect(cycles(runtime).map((c) => c.join(" <-> "))).toEqual([]);
  });

  it("has no import cycle through type-only imports either (shared types go into a types.ts)", () => {
    expect(cycles(graph.edges).map((c) => c.join(" <-> "))).toEqual([]);
  });

  it("keeps the layers: formats ↛ interpret/validate/output/report/batch/cli, backend ↛ backend, interpret ↛ formats…, validate ↛ formats…, grid ↛ anything", () => {
    expect(layerViolations(graph.edges)).toEqual([]);
  });

  it("src/index.ts lists the library API by name: `export *` only from src/model/", () => {
    const stars = scanImports(graph.files.get("index.ts")!)
      .filter((r) => r.star)
      .map((r) => r.specifier)
      .filter((s) => !s.startsWith("./model/"));
    expect(stars).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly, dynamic: false });

  it("reads import and export forms", () => {
    const refs = scanImports(
      [
        `import { a } from "./a.ts";`,
        `import type { B } from "./b.ts";`,
        `import {\n  type C,\n  type D,\n} from "./c.ts";`,
        `import { type E, f } from "./e.ts";`,
        `export * from "./g.ts";`,
        `export type { H } from "./h.ts";`,
        `import "./side-effect.ts";`,
        `  const m = await import("./lazy.ts");`,
        `type T = typeof import("./t.ts");`,
        ` * import { x } from "./in-a-comment.ts";`,
      ].join("\n"),
    );
    expect(refs.map((r) => [r.specifier, r.typeOnly, r.dynamic, r.star])).toEqual([
      ["./a.ts", false, false, false],
      ["./b.ts", true, false, false],
      ["./c.ts", true, false, false],
      ["./e.ts", false, false, false],
      ["./g.ts", false, false, true],
      ["./h.ts", true, false, false],
      ["./side-effect.ts", false, false, false],
      ["./lazy.ts", false, true, false],
      ["./t.ts", true, true, false],
    ]);
  });

  it("names a forbidden import", () => {
    expect(layerViolations([edge("formats/html/walker.ts", "interpret/vocabulary.ts")])).toHaveLength(1);
    expect(layerViolations([edge("formats/docx/index.ts", "formats/html/index.ts")])).toHaveLength(1);
    expect(layerViolations([edge("formats/pdf/index.ts", "output/csv.ts")])).toHaveLength(1);
    expect(layerViolations([edge("interpret/index.ts", "formats/detect.ts")])).toHaveLength(1);
    expect(layerViolations([edge("validate/run.ts", "report/index.ts")])).toHaveLength(1);
    expect(layerViolations([edge("grid/assemble.ts", "errors.ts")])).toHaveLength(1);
    expect(layerViolations([edge("grid/assemble.ts", "settings/limits.ts"), edge("formats/docx/index.ts", "formats/dom.ts")])).toEqual([]);
  });

  it("finds a cycle, and a type-only edge is left out of the runtime graph", () => {
    const edges = [edge("a.ts", "b.ts"), edge("b.ts", "c.ts"), edge("c.ts", "a.ts", true), edge("c.ts", "d.ts")];
    expect(cycles(edges)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(cycles(edges.filter((e) => !e.typeOnly))).toEqual([]);
  });
});
