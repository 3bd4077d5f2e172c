/**
 * One generated case through the interpreter: the document it reads, whether that document is valid against
 * the model schema, and the differences from the expected model (subsetDiff; goal/purpose compared without
 * whitespace, as the fixture tests compare them).
 */
import { interpret } from "../../src/interpret/index.ts";
import { DocumentSchema } from "../../src/model/schema.ts";
import type { Document } from "../../src/model/types.ts";
import { subsetDiff } from "../support/expect-subset.ts";
import { generateCase, type GeneratedCase } from "./index.ts";

/** Goal and purpose paragraphs may wrap anywhere: compare them without whitespace. */
export const squash = (v: unknown): unknown =>
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

export interface CaseResult {
  c: GeneratedCase;
  doc: Document | null;
  /** An exception thrown by the interpreter, if any. */
  error: string | null;
  /** The first schema issues, if the document does not validate. */
  schema: string | null;
  diffs: string[];
}

export function runCase(seed: number): CaseResult {
  const c = generateCase(seed);
  let doc: Document | null = null;
  try {
    doc = interpret(c.grid, { path: `gen-${seed}.html`, format: "html", sha256: "0" });
  } catch (e) {
    return { c, doc: null, error: e instanceof Error ? (e.stack ?? e.message) : String(e), schema: null, diffs: ["interpreter threw"] };
  }
  const parsed = DocumentSchema.safeParse(doc);
  const schema = parsed.success
    ? null
    : parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
  return { c, doc, error: null, schema, diffs: subsetDiff(squash(doc), squash(c.expected)) };
}
