import type { SourceFormat } from "../grid/types.ts";

export type DetectedFormat = SourceFormat | "json" | "doc" | "xlsx" | "zip" | "unknown";

/**
 * Decide the format from the file's bytes, not its name: a `.pdf` that is really an HTML page is HTML.
 * The extension only breaks ties where the bytes say nothing (plain text).
 */
export function detectFormat(bytes: Uint8Array, name = ""): DetectedFormat {
  const head = bytes.subarray(0, 1024);
  const ascii = Buffer.from(head).toString("latin1");
  if (ascii.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // OLE2 compound file: legacy .doc / .xls
    return /\.xls$/i.test(name) ? "xlsx" : "doc";
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const body = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString("latin1");
    if (body.includes("word/")) return "docx";
    if (body.includes("xl/")) return "xlsx";
    return "zip";
  }
  const text = stripBom(ascii).trimStart();
  if (/^[{[]/.test(text) && /\.(json|ndjson)$/i.test(name)) return "json";
  if (/^[{[]/.test(text) && /"source"\s*:/.test(ascii)) return "json";
  if (/<(!doctype html|html|head|body|table|meta|div|p)[\s>]/i.test(ascii) || /\.(html?|xhtml)$/i.test(name)) return "html";
  if (/<\/?(table|tr|td)[\s>]/i.test(Buffer.from(bytes.subarray(0, 65536)).toString("latin1"))) return "html";
  return "unknown";
}

function stripBom(s: string): string {
  return s.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "");
}
