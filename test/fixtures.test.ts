/**
 * Every fixture document, in every format, must reproduce its hand-checked expected JSON
 * (fixtures/seeds/<seed>/expected.json): projects, fields, budgets and every indicator's
 * level1/level2/name/value. Goals and purposes are compared without whitespace, because a PDF cannot tell
 * a paragraph break from a line wrapped by a narrow cell.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/extract.ts";
import { subsetDiff } from "./support/expect-subset.ts";

const fixtures = new URL("../fixtures/", import.meta.url).pathname;
const seeds = ["seeds", "layouts", "producers", "producers-web", "generated"].flatMap((group) =>
  existsSync(join(fixtures, group))
    ? readdirSync(join(fixtures, group))
        .map((d) => join(group, d))
        .filter((d) => existsSync(join(fixtures, d, "expected.json")))
    : [],
);
const root = fixtures;
const DOCS = /^doc\..*(html|docx|pdf)$/;

function squashLongText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(squashLongText);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        (k === "goal" || k === "purpose") && typeof x === "string" ? x.replace(/\s+/g, "") : squashLongText(x),
      ]),
    );
  }
  return v;
}

describe("seed fixtures", () => {
  it("has fixtures for every seed", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(4);
  });
  for (const seed of seeds) {
    const expected = squashLongText(JSON.parse(readFileSync(join(root, seed, "expected.json"), "utf8")));
    for (const file of readdirSync(join(root, seed)).filter((f) => DOCS.test(f))) {
      it(`${seed}/${file} reproduces expected.json`, async () => {
        const doc = await extract(join(root, seed, file));
        const diff = subsetDiff(squashLongText(doc), expected);
        expect(diff.slice(0, 30).join("\n")).toBe("");
      });
    }
  }
});
