import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { printable } from "../../src/batch/log.ts";
import { makeLog, printableReport, readStdin } from "../../src/cli/io.ts";

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

describe("standard input is bounded (issue 13, items 8 and 10)", () => {
  async function* endless(chunk: Buffer, times: number) {
    for (let i = 0; i < times; i++) yield chunk;
  }

  it("reads input up to the limit whole", async () => {
    const got = await readStdin(endless(Buffer.alloc(1000, 7), 4), 4000);
    expect(got.length).toBe(4000);
    expect(got.every((b) => b === 7)).toBe(true);
  });

  it("stops reading past the limit and refuses with one line (no endless read of /dev/zero)", async () => {
    let pulled = 0;
    async function* zero() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024);
      }
    }
    await expect(readStdin(zero(), 10 * 1024)).rejects.toThrow(/^standard input is larger than \d+ MB .*; refusing$/);
    expect(pulled).toBe(11);
  });
});
