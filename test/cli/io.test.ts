import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { printable } from "../../src/batch/log.ts";
import { makeLog, printableReport } from "../../src/cli/io.ts";

describe("text from file names and documents on stderr (issue 13, item 11)", () => {
  it("escapes control characters, ANSI escapes and bidi overrides; keeps everything else", () => {
    expect(printable("a\x1b[2Jb\rc\nd\x07e\x9bf")).toBe("a\\x1b[2Jb\\x0dc\\x0ad\\x07e\\x9bf");
    expect(printable("x\u202eevil.pdf")).toBe("x\\u{202e}evil.pdf");
    expect(printable("预算绩效 目标表.pdf")).toBe("预算绩效 目标表.pdf");
  });

  it("a log line is one line whatever the file name", () => {
    const err = new PassThrough();
    let out = "";
    err.on("data", (b: Buffer) => (out += b.toString("utf8")));
    const log = makeLog({ quiet: false, verbose: false, summary: true, stderr: err as unknown as NodeJS.WriteStream });
    log.error("bad\n.pdf\x1b]0;pwned\x07: damaged PDF");
    expect(out).toBe("jixiao: bad\\x0a.pdf\\x1b]0;pwned\\x07: damaged PDF\n");
  });

  it("a report keeps its lines and colours, and escapes anything else", () => {
    expect(printableReport("\x1b[31merror\x1b[0m a\x1b[2Jb\nnext")).toBe("\x1b[31merror\x1b[0m a\\x1b[2Jb\nnext");
  });
});
