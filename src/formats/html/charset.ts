/**
 * Bytes of a saved web page → text. Government sites still serve GBK/GB2312, often without saying so, or saying
 * one thing in `<meta>` while the server (whose header a saved file no longer has) said another.
 * Order: byte-order mark; then the bytes themselves when they are valid UTF-8 with non-ASCII text (a GBK page is
 * practically never valid UTF-8, so this beats a wrong declaration); then the declared charset; then GB18030,
 * which covers GBK and GB2312. Node's TextDecoder (full ICU) decodes all of these.
 */

export interface DecodedHtml {
  text: string;
  encoding: string;
  warnings: string[];
}

const GB_FAMILY =
  /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|csiso58gb231280|iso-ir-58|chinese|gb_2312-80|hz-gb-2312)$/;
const UTF8 = /^(utf-?8|unicode-1-1-utf-8|unicode11utf8|unicode20utf8|x-unicode20utf8)$/;

/** `outerCharset`: what the container said (an MHTML part's Content-Type), which outranks `<meta>` as HTTP would. */
export function decodeHtml(bytes: Uint8Array, outerCharset?: string | null): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, warnings: [] };
  if (looksUtf16le(bytes)) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le", warnings: [] };

  const declared = outerCharset?.toLowerCase() || declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  const warnings: string[] = [];
  if (utf8 !== null) {
    if (declared && !UTF8.test(declared) && /[^\x00-\x7f]/.test(utf8)) {
      warnings.push(`the page declares charset ${declared} but its bytes are UTF-8; read as UTF-8`);
    }
    return { text: utf8, encoding: "utf-8", warnings };
  }
  let encoding = "gb18030";
  if (declared && !UTF8.test(declared)) {
    encoding = GB_FAMILY.test(declared) ? "gb18030" : supported(declared) ? declared : "gb18030";
    if (encoding !== declared && !GB_FAMILY.test(declared)) warnings.push(`unknown charset ${declared}; read as GB18030`);
  } else if (declared) {
    warnings.push(`the page declares UTF-8 but its bytes are not; read as GB18030`);
  }
  const text = new TextDecoder(encoding).decode(bytes);
  const bad = text.split("\ufffd").length - 1;
  if (bad > 0) warnings.push(`${bad} byte sequence${bad > 1 ? "s" : ""} not valid in ${encoding} replaced by �`);
  return { text, encoding, warnings };
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16LE without a BOM: ASCII markup leaves every other byte zero. */
function looksUtf16le(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (b[i] === 0) zeros++;
  return b[0] === 0x3c && zeros > n / 4;
}

/** The charset a `<meta>` tag or an XML declaration names near the top of the page, lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString("latin1");
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i);
  const meta = head.match(/<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i);
  const label = (meta?.[1] ?? xml?.[1])?.trim().toLowerCase();
  return label || null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
