import type { SourceFormat } from "../grid/types.ts";
import { INPUT_MAX_BYTES } from "../settings/limits.ts";

/** `encrypted`: a password-protected Office file (OOXML inside an OLE2 `EncryptedPackage` stream). */
export type DetectedFormat = SourceFormat | "json" | "doc" | "xlsx" | "zip" | "encrypted" | "unknown";

/**
 * Decide the format from the file's bytes, not its name: a `.pdf` that is really an HTML page is HTML, a `.doc`
 * that is really a .docx is Word. The extension only breaks ties where the bytes say nothing (plain text).
 */
export function detectFormat(bytes: Uint8Array, name = ""): DetectedFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString("latin1");
  if (head.startsWith("%PDF-")) return "pdf";
  if (isOle2(bytes)) {
    const kind = oleKind(bytes);
    if (kind === "encrypted") return "encrypted";
    if (kind === "xls") return "xlsx";
    if (kind === "doc") return "doc";
    return /\.xlsx?$/i.test(name) ? "xlsx" : "doc";
  }
  if (isZip(bytes)) {
    const kind = zipKind(bytes);
    return kind === "docx" ? "docx" : kind === "xlsx" ? "xlsx" : "zip";
  }
  const text = sniffText(bytes);
  if (/^[{[]/.test(text) && /\.(json|ndjson)$/i.test(name)) return "json";
  if (/^[{[]/.test(text) && /"source"\s*:/.test(text)) return "json";
  if (isMhtml(text)) return "html";
  if (/<(!doctype html|html|head|body|table|meta|div|p)[\s>]/i.test(text) || /\.(html?|xhtml|mht|mhtml)$/i.test(name)) return "html";
  // Junk before the header is allowed in a PDF (some servers prepend a few bytes).
  if (head.includes("%PDF-")) return "pdf";
  if (/<\/?(table|tr|td)[\s>]/i.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65536)).toString("latin1")))
    return "html";
  return "unknown";
}

/** The first KB as text for sniffing markup: UTF-16 pages (with or without a BOM) decoded, BOMs dropped. */
function sniffText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1024);
  const utf16le = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0);
  const utf16be = (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0x3c);
  const text = utf16le
    ? new TextDecoder("utf-16le").decode(head)
    : utf16be
      ? new TextDecoder("utf-16be").decode(head)
      : Buffer.from(head).toString("latin1");
  return text.replace(/^(\ufeff|\xef\xbb\xbf)/, "").trimStart();
}

/** A browser's or Word's "single file web page" (.mht): MIME headers, then the page as a MIME part. */
export function isMhtml(text: string): boolean {
  return /^[\w-]+[ \t]*:/.test(text) && /^Content-Type[ \t]*:[ \t]*multipart\/related/im.test(text);
}

export function isOle2(b: Uint8Array): boolean {
  return (
    b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1
  );
}

export function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8));
}

/**
 * What an OLE2 compound file holds, from its directory's stream names (UTF-16LE): an encrypted OOXML document
 * (`EncryptedPackage`, what Office writes for a password-protected .docx/.xlsx), a Word 97–2003 document
 * (`WordDocument`, also WPS), or a workbook.
 */
export function oleKind(bytes: Uint8Array): "encrypted" | "doc" | "xls" | "other" {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const has = (name: string) => buf.indexOf(Buffer.from(name, "utf16le")) >= 0;
  if (has("EncryptedPackage")) return "encrypted";
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book\u0000")) return "xls";
  return "other";
}

/**
 * What a zip holds, from the entry names in its local headers (start) and central directory (end): Word
 * (`word/`), Excel (`xl/`), OpenDocument text, or something else.
 */
export function zipKind(bytes: Uint8Array): "docx" | "xlsx" | "odt" | "other" {
  const window = 1 << 20;
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, window)).toString("latin1");
  const end = bytes.length > window ? Buffer.from(bytes.buffer, bytes.byteOffset + bytes.length - window, window).toString("latin1") : "";
  const names = start + end;
  if (names.includes("word/")) return "docx";
  if (names.includes("xl/")) return "xlsx";
  if (names.includes("application/vnd.oasis.opendocument.text")) return "odt";
  return "other";
}

/** The most bytes read from an input of this format (INPUT_MAX_BYTES), and the format's name for the message. */
export function inputLimit(format: DetectedFormat): { bytes: number; label: string } {
  switch (format) {
    case "pdf":
      return { bytes: INPUT_MAX_BYTES.pdf, label: "PDF" };
    case "docx":
      return { bytes: INPUT_MAX_BYTES.docx, label: "Word (.docx)" };
    case "xlsx":
    case "zip":
    case "doc":
    case "encrypted":
      // refused anyway, but with the reason that says what they are (legacy Office, password, workbook)
      return { bytes: INPUT_MAX_BYTES.docx, label: "Office and zip" };
    case "html":
      return { bytes: INPUT_MAX_BYTES.html, label: "HTML" };
    case "json":
      return { bytes: INPUT_MAX_BYTES.json, label: "JSON" };
    default:
      return { bytes: INPUT_MAX_BYTES.other, label: "other" };
  }
}

/** The largest input of any format: a file larger than this is refused from its size alone. */
export const MAX_INPUT_BYTES = Math.max(...Object.values(INPUT_MAX_BYTES));

/** Bytes as MB for a message: 32 MB, 32.4 MB, 1,024 MB. */
export function megabytes(n: number): string {
  const v = n / 1024 / 1024;
  return `${(v >= 100 ? Math.round(v) : Math.round(v * 10) / 10).toLocaleString("en-US")} MB`;
}

/** The one-line reason an input is refused for its size (`size` may be a lower bound: "more than"). */
export function tooLargeMessage(format: DetectedFormat, size: number, atLeast = false): string {
  const { bytes, label } = inputLimit(format);
  const shown = megabytes(size) === megabytes(bytes) ? `${size.toLocaleString("en-US")} bytes` : megabytes(size);
  return `${atLeast ? "more than " : ""}${shown}: larger than the ${megabytes(bytes)} limit for ${label} files; refusing`;
}

/** What a path that is not a regular file is, as the one-line reason it is not read; null for a regular file. */
export function notRegularFile(st: {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return "is a directory";
  const what = st.isFIFO()
    ? "a FIFO (named pipe)"
    : st.isCharacterDevice()
      ? "a character device"
      : st.isBlockDevice()
        ? "a block device"
        : st.isSocket()
          ? "a socket"
          : "a special file";
  return `${what}, not a regular file; only regular files are read`;
}
