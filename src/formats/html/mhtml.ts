/**
 * "Single file web pages" (.mht/.mhtml — saved by a browser, or by Word as 单个文件网页): a MIME multipart whose
 * first text/html part is the page, usually quoted-printable in the page's own charset.
 */

export interface MhtmlPage {
  html: Uint8Array;
  /** The charset the part's Content-Type names, lower-cased, if any. */
  charset: string | null;
}

/** The page inside an MHTML file, or null when the bytes are not MHTML with an HTML part. */
export function unpackMhtml(bytes: Uint8Array): MhtmlPage | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  const top = splitHeaders(text, 0);
  if (!top) return null;
  const contentType = top.headers.get("content-type") ?? "";
  if (!/multipart\//i.test(contentType)) return null;
  const boundary = param(contentType, "boundary");
  if (!boundary) return null;
  const delimiter = "--" + boundary;
  let at = text.indexOf(delimiter, top.bodyStart);
  while (at >= 0) {
    const partStart = text.indexOf("\n", at) + 1;
    if (partStart === 0 || text.startsWith(delimiter + "--", at)) break;
    const next = text.indexOf(delimiter, partStart);
    const part = text.slice(partStart, next < 0 ? text.length : next);
    const parsed = splitHeaders(part, 0);
    if (parsed) {
      const type = parsed.headers.get("content-type") ?? "text/plain";
      if (/^\s*text\/html/i.test(type)) {
        const body = part.slice(parsed.bodyStart).replace(/\r?\n$/, "");
        const encoding = (parsed.headers.get("content-transfer-encoding") ?? "").trim().toLowerCase();
        const html =
          encoding === "quoted-printable"
            ? decodeQuotedPrintable(body)
            : encoding === "base64"
              ? new Uint8Array(Buffer.from(body, "base64"))
              : new Uint8Array(Buffer.from(body, "latin1"));
        return { html, charset: param(type, "charset")?.toLowerCase() ?? null };
      }
    }
    at = next;
  }
  return null;
}

/** RFC 822 headers (with folded continuation lines) up to the first blank line. */
function splitHeaders(text: string, from: number): { headers: Map<string, string>; bodyStart: number } | null {
  const m = /\r?\n\r?\n/.exec(text.slice(from));
  if (!m) return null;
  const block = text.slice(from, from + m.index);
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, bodyStart: from + m.index + m[0].length };
}

function param(header: string, name: string): string | null {
  const m = header.match(new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i"));
  return m ? (m[1] ?? m[2]) : null;
}

/** Quoted-printable (RFC 2045) → bytes: `=XX` escapes, `=` at a line end joins lines. */
export function decodeQuotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, "");
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const ch = joined.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = ch & 0xff;
    }
  }
  return out.subarray(0, n);
}
