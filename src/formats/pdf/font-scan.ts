/**
 * A look at a PDF's embedded font data before pdf.js reads it: two places where one damaged number makes pdf.js
 * fill hundreds of MB in a synchronous loop that no limit of ours can stop (the worker would only die of it).
 *
 * - CMaps (a font's /ToUnicode map or /Encoding CMap): pdf.js fills one array slot per code a `beginbfrange` or
 *   `begincidrange` range covers, up to 2^24 per range — ~48 bytes a code, 800 MB for `<0000> <FFFFFF> <0020>` in a
 *   70 KB file. A CMap whose ranges cover more than PDF_MAX_CMAP_CODES codes refuses the document.
 * - CFF font programs (FontFile3): pdf.js copies every INDEX object (glyph programs, subroutines) into JavaScript
 *   arrays when it converts the font; in a damaged font the objects overlap and claim many times the font's size
 *   (see cff-index.ts). A font whose INDEX objects claim more than its own size plus PDF_MAX_CFF_OVERLAP_BYTES
 *   refuses the document.
 *
 * Every `stream … endstream` body is looked at: uncompressed, or zlib-compressed (FlateDecode) of which only the
 * first bytes are inflated to recognise a CMap (`begincmap`, `beginbfrange`, `begincidrange`) or a CFF font (its
 * header, or an OpenType font's "OTTO"); those are then inflated (a CMap up to PDF_MAX_CMAP_BYTES, a font up to
 * FONT_SCAN_MAX_BYTES) and measured as pdf.js would read them. Streams under other filters (LZW, ASCII85) or
 * encryption are not seen.
 */
import { createInflateRaw, inflateRawSync, constants as zlib } from "node:zlib";
import { PDF_MAX_CFF_OVERLAP_BYTES, PDF_MAX_CMAP_BYTES, PDF_MAX_CMAP_CODES } from "../../settings/limits.ts";
import { cffData, cffIndexBytes } from "./cff-index.ts";

/** Largest font program inflated to be measured; a larger one is left to pdf.js unmeasured (the input size limit
 * bounds it). Real embedded CJK fonts are up to ~20 MB. */
const FONT_SCAN_MAX_BYTES = 64 * 1024 * 1024;

/** Compressed bytes inflated to recognise a CMap; its keywords come within the first hundred bytes. */
const PEEK_BYTES = 512;

const STREAM = Buffer.from("stream");
const ENDSTREAM = Buffer.from("endstream");
const MARKERS = ["begincmap", "beginbfrange", "begincidrange"];

export interface FontScan {
  /** The largest number of codes one CMap's ranges cover. */
  maxCodes: number;
  /** A CMap stream inflating to more than PDF_MAX_CMAP_BYTES (its ranges were counted up to there). */
  oversized: boolean;
  /** The most bytes one CFF font's INDEX objects claim beyond the font's own size. */
  cffOverlap: number;
}

function isZlib(data: Buffer): boolean {
  return data.length >= 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0;
}

/**
 * Inflating as pdf.js does: its decoder reads a back-reference to before the start of the output (zlib's "invalid
 * distance too far back", common in damaged streams) as zeros and goes on. Raw deflate (past the 2-byte zlib
 * header) over a preset window of zeros does the same; the checksum is not checked, as pdf.js does not.
 */
const ZERO_WINDOW = Buffer.alloc(32 * 1024);

/**
 * The first bytes of a zlib stream, inflated (deflate expands at most ~1:1032, so the output is bounded). Without
 * the window of zeros first: each inflater given a preset dictionary keeps a copy of it outside the heap until it
 * is collected, ~50 MB of RSS over a batch's tens of thousands of streams; only a stream that fails without it
 * (damaged near its start) is tried again with it.
 */
function peekInflated(data: Buffer): Buffer | null {
  const options = { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: PEEK_BYTES * 1100, chunkSize: 2048 };
  try {
    return inflateRawSync(data.subarray(2, PEEK_BYTES), options);
  } catch {
    try {
      return inflateRawSync(data.subarray(2, PEEK_BYTES), { ...options, dictionary: ZERO_WINDOW });
    } catch {
      return null;
    }
  }
}

/** A zlib stream inflated up to `max` bytes, or up to its damage, as pdf.js reads it. */
function inflateUpTo(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let total = 0;
    const done = () => resolve(Buffer.concat(parts).subarray(0, max));
    // Small output chunks: what came before a damaged spot is kept (zlib drops its unflushed output at an error).
    const inflate = createInflateRaw({ finishFlush: zlib.Z_SYNC_FLUSH, chunkSize: 1024, dictionary: ZERO_WINDOW });
    inflate.on("data", (chunk: Buffer) => {
      parts.push(chunk);
      total += chunk.length;
      if (total >= max) {
        inflate.destroy();
        done();
      }
    });
    inflate.on("end", done);
    inflate.on("error", done);
    inflate.on("close", done);
    inflate.end(data.subarray(2));
  });
}

function looksLikeCMap(text: string): boolean {
  return MARKERS.some((m) => text.includes(m));
}

/**
 * Codes covered by the `bfrange` and `cidrange` sections of one CMap's text, as pdf.js counts them: `high − low + 1`
 * per range with a string or number destination; a destination array maps no more codes than it holds; a range
 * over 2^24 codes pdf.js refuses itself, so it costs nothing and is not counted.
 */
export function cmapRangeCodes(text: string): number {
  let codes = 0;
  const section = /begin(bf|cid)range([\s\S]*?)(?:end\1range|$)/g;
  for (let m: RegExpExecArray | null; (m = section.exec(text)); ) {
    // Tokens read one at a time (a 16 MB section split at once would hold millions of strings).
    const token = /<[^<>]*>|\[|\]|\((?:\\.|[^\\)])*\)|[^\s<>()[\]]+/g;
    const next = () => token.exec(m![2])?.[0];
    for (;;) {
      const low = next(),
        high = next();
      if (!low?.startsWith("<") || !high?.startsWith("<")) break; // pdf.js stops at a malformed entry too
      const span = hexToInt(high.slice(1, -1)) - hexToInt(low.slice(1, -1));
      let count = span + 1;
      let dst = next();
      if (dst === undefined) break;
      if (dst === "[") {
        let n = 0;
        while ((dst = next()) !== undefined && dst !== "]") n++;
        count = Math.min(count, n);
      }
      if (span >= 0 && span <= 2 ** 24 - 1) codes += count;
    }
  }
  return codes;
}

/** pdf.js's strToInt of a hex string: bytes shifted in, the low 32 bits kept, unsigned. */
function hexToInt(hex: string): number {
  let digits = hex.replace(/[^0-9A-Fa-f]/g, "");
  if (digits.length % 2) digits += "0";
  let a = 0;
  for (let i = 0; i < digits.length; i += 2) a = ((a << 8) | parseInt(digits.slice(i, i + 2), 16)) >>> 0;
  return a;
}

/** The embedded CMaps and CFF fonts of a PDF, measured. */
export async function scanFonts(bytes: Uint8Array): Promise<FontScan> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result: FontScan = { maxCodes: 0, oversized: false, cffOverlap: 0 };
  let from = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, from);
    if (at < 0) break;
    from = at + STREAM.length;
    if (at >= 3 && buf.toString("latin1", at - 3, at) === "end") continue;
    let start = from;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    if (start === from) continue; // `stream` must end its line
    const end = buf.indexOf(ENDSTREAM, start);
    const body = buf.subarray(start, end < 0 ? buf.length : end);
    if (end >= 0) from = end + ENDSTREAM.length;
    const compressed = isZlib(body);
    const head = compressed ? peekInflated(body) : body.subarray(0, PEEK_BYTES);
    if (!head) continue;
    if (cffData(head)) {
      const font = cffData(compressed ? await inflateUpTo(body, FONT_SCAN_MAX_BYTES + 1) : body);
      if (font && font.length <= FONT_SCAN_MAX_BYTES) {
        const claimed = cffIndexBytes(font, font.length + PDF_MAX_CFF_OVERLAP_BYTES);
        result.cffOverlap = Math.max(result.cffOverlap, claimed - font.length);
      }
      continue;
    }
    if (!looksLikeCMap(head.toString("latin1"))) continue;
    const text = compressed ? await inflateUpTo(body, PDF_MAX_CMAP_BYTES + 1) : body.subarray(0, PDF_MAX_CMAP_BYTES + 1);
    if (text.length > PDF_MAX_CMAP_BYTES) result.oversized = true;
    result.maxCodes = Math.max(result.maxCodes, cmapRangeCodes(text.toString("latin1", 0, Math.min(text.length, PDF_MAX_CMAP_BYTES))));
  }
  return result;
}

/** Why pdf.js must not read this PDF's fonts (one line), or null. */
export async function fontProblem(bytes: Uint8Array): Promise<string | null> {
  const scan = await scanFonts(bytes);
  const fmt = (n: number) => n.toLocaleString("en");
  if (scan.maxCodes > PDF_MAX_CMAP_CODES) {
    return `a font's character map (CMap) covers ${fmt(scan.maxCodes)} codes (the limit is ${fmt(PDF_MAX_CMAP_CODES)})`;
  }
  if (scan.oversized) return `a font's character map (CMap) is over ${fmt(PDF_MAX_CMAP_BYTES / 1024 / 1024)} MB (the limit)`;
  if (scan.cffOverlap > PDF_MAX_CFF_OVERLAP_BYTES) {
    const mb = (n: number) => `${fmt(Math.ceil(n / 1024 / 1024))} MB`;
    return `an embedded font's glyph tables claim at least ${mb(scan.cffOverlap)} more than the font holds (damaged; the limit is ${mb(PDF_MAX_CFF_OVERLAP_BYTES)})`;
  }
  return null;
}
