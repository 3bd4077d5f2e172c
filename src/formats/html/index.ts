import { GridAssembler } from "../../grid/assemble.ts";
import type { GridDocument } from "../../grid/types.ts";
import { JixiaoError } from "../../errors.ts";
import { isMhtml } from "../detect.ts";
import { decodeHtml } from "./charset.ts";
import { unpackMhtml } from "./mhtml.ts";
import { parseHtml } from "./parse.ts";
import { walkHtml } from "./walker.ts";

/** HTML bytes (or a single-file .mht page) → grid: every innermost table with the text lines above it as context. */
export async function readHtml(bytes: Uint8Array, file?: string): Promise<GridDocument> {
  try {
    const { text, warnings } = decodePage(bytes);
    return htmlToGrid(text, warnings);
  } catch (err) {
    // Limits met while parsing or walking (nesting, nodes, cells per table) are thrown without the file's name.
    if (err instanceof JixiaoError && err.file === undefined && file !== undefined) throw new JixiaoError(err.kind, err.message, file);
    throw err;
  }
}

/** Page bytes (HTML or MHTML) → text, with the charset warnings. */
export function decodePage(bytes: Uint8Array): { text: string; warnings: string[] } {
  let page = bytes;
  let outerCharset: string | null = null;
  if (isMhtml(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1").trimStart())) {
    const unpacked = unpackMhtml(bytes);
    if (unpacked) ({ html: page, charset: outerCharset } = unpacked);
  }
  return decodeHtml(page, outerCharset);
}

/** Walk decoded HTML into an assembler that may already hold lines and tables. */
export function walkHtmlText(html: string, out: GridAssembler): void {
  walkHtml(parseHtml(html), out);
}

/**
 * Page bytes (HTML or MHTML) walked into an assembler that may already hold lines and tables: Word's embedded
 * HTML chunks (`w:altChunk`), handed to the Word backend by src/formats/index.ts. Returns the charset warnings.
 */
export function walkHtmlPage(bytes: Uint8Array, out: GridAssembler): string[] {
  const page = decodePage(bytes);
  walkHtmlText(page.text, out);
  return page.warnings;
}

/** Already-decoded HTML → grid. */
export function htmlToGrid(html: string, warnings: string[] = []): GridDocument {
  // cheerio's default parser is parse5: the browser's tree construction, so stray and unclosed table markup
  // ends up where a browser would put it.
  const out = new GridAssembler();
  walkHtmlText(html, out);
  if (out.tables.length === 0) warnings.push("no tables in this page");
  return { format: "html", tables: out.tables, trailing: out.trailing, warnings };
}
