/**
 * JSON and NDJSON serialisation of documents. With validation the findings sit next to the document's own
 * keys as `findings` (after `warnings`), so `.projects` stays where it is for every consumer.
 */
import type { Document, Finding } from "../model/types.ts";

export type DocumentWithFindings = Document & { findings?: Finding[] };

function withFindings(doc: Document, findings?: Finding[] | null): DocumentWithFindings {
  return findings ? { ...doc, findings } : doc;
}

/** One document as pretty JSON (two-space indent), no trailing newline. */
export function documentJson(doc: Document, findings?: Finding[] | null): string {
  return JSON.stringify(withFindings(doc, findings), null, 2);
}

/** One document as one NDJSON line, newline included. */
export function documentNdjsonLine(doc: Document, findings?: Finding[] | null): string {
  return JSON.stringify(withFindings(doc, findings)) + "\n";
}

/**
 * Streams pretty JSON documents as one array: `[`, the items indented one level, `]`. Pure string building so
 * it works on any target that takes text in order.
 */
export class JsonArrayWriter {
  private count = 0;
  constructor(private readonly write: (text: string) => Promise<void>) {}

  async item(prettyJson: string): Promise<void> {
    const indented = "  " + prettyJson.replace(/\n/g, "\n  ");
    await this.write((this.count++ === 0 ? "[\n" : ",\n") + indented);
  }

  async end(): Promise<void> {
    await this.write(this.count === 0 ? "[]\n" : "\n]\n");
  }
}

/**
 * Read documents back from what `extract` wrote: one Document object, an array of them, or NDJSON lines.
 * Returns the parsed values unchecked (the caller validates them against the schema).
 */
export function parseDocumentsJson(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") return [];
  try {
    const v: unknown = JSON.parse(body);
    return Array.isArray(v) ? v : [v];
  } catch (err) {
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length < 2) throw err;
    return lines.map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch (e) {
        throw new Error(`line ${i + 1}: ${(e as Error).message}`);
      }
    });
  }
}
