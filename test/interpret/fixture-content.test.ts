/**
 * The interpreter alone, on the fixture corpus's content specs (scripts/fixtures/content/*.json) turned into
 * the grid a perfect backend would produce. A failure here is the interpreter's; a failure in
 * test/fixtures.test.ts that does not show here is a backend's.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tableFromRows } from "../../src/grid/matrix.ts";
import type { Table } from "../../src/grid/types.ts";
import { interpret } from "../../src/interpret/index.ts";
import { DocumentSchema } from "../../src/model/schema.ts";
import { subsetDiff } from "../support/expect-subset.ts";

type SpecCell = string | { t: string; rs?: number; cs?: number };
type Block = { type: "table"; rows: SpecCell[][] } | { type: string; text?: string };
interface Spec {
  id: string;
  dir: string;
  group?: string;
  blocks: Block[];
}

const specDirs = ["content", "layouts", "generated"].map((d) => new URL(`../../scripts/fixtures/${d}/`, import.meta.url).pathname);
const specs: Spec[] = specDirs.flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(readFileSync(dir + f, "utf8")) as Spec)
        .filter((s) => Array.isArray(s.blocks))
    : [],
);

const squash = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(squash)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [
            k,
            (k === "goal" || k === "purpose") && typeof x === "string" ? x.replace(/\s+/g, "") : squash(x),
          ]),
        )
      : v;

describe("interpreter on ideal grids of the fixture content", () => {
  it("has content specs", () => expect(specs.length).toBeGreaterThanOrEqual(4));
  for (const spec of specs) {
    it(`${spec.group ?? "seeds"}/${spec.dir}`, () => {
      const tables: Table[] = [];
      let context: string[] = [];
      for (const b of spec.blocks) {
        if (b.type === "table" && "rows" in b) {
          const rows = b.rows.map((r) => r.map((c) => (typeof c === "string" ? { text: c } : { text: c.t, rowspan: c.rs, colspan: c.cs })));
          tables.push(tableFromRows(rows, tables.length, context));
          context = [];
        } else if ("text" in b && b.text !== undefined) context.push(...b.text.split("\n"));
      }
      const doc = interpret({ format: "html", tables, trailing: context, warnings: [] }, { path: spec.dir, format: "html", sha256: "0" });
      DocumentSchema.parse(doc);
      const expected = JSON.parse(
        readFileSync(new URL(`../../fixtures/${spec.group ?? "seeds"}/${spec.dir}/expected.json`, import.meta.url), "utf8"),
      );
      expect(subsetDiff(squash(doc), squash(expected)).slice(0, 30).join("\n")).toBe("");
    });
  }
});
