/**
 * Only regular files are read, and no more of them than their format's size limit (issue 13, item 8): a FIFO
 * named on the command line used to hang the run, /dev/zero to fill memory. Both are refused up front with one
 * line; a file over the limit is refused from its size (sparse files here, so nothing large is written).
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, symlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.ts";
import { describeError, JixiaoError } from "../../src/errors.ts";
import { extract, readInput } from "../../src/extract.ts";
import { INPUT_MAX_BYTES } from "../../src/settings/limits.ts";

const posix = process.platform !== "win32";
let dir = "";
let fifo = "";

/** A sparse file of `size` bytes starting with `head`. */
function sparse(name: string, head: string, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

async function failure(p: Promise<unknown>): Promise<JixiaoError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JixiaoError);
  expect(describeError(err)).not.toMatch(/\n/);
  return err as JixiaoError;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "jixiao-inputs-"));
  fifo = join(dir, "pipe.html");
  if (posix) execFileSync("mkfifo", [fifo]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(posix)("special files are refused up front", () => {
  it("a FIFO named on the command line is a problem line, not an input", async () => {
    const expanded = await expandInputs([fifo]);
    expect(expanded.items).toEqual([]);
    expect(expanded.problems).toEqual([{ arg: fifo, reason: "a FIFO (named pipe), not a regular file; only regular files are read" }]);
  });

  it("/dev/zero, and a link to it matched by a glob, are refused", async () => {
    symlinkSync("/dev/zero", join(dir, "zero.html"));
    expect((await expandInputs(["/dev/zero"])).problems).toEqual([
      { arg: "/dev/zero", reason: "a character device, not a regular file; only regular files are read" },
    ]);
    const globbed = await expandInputs([join(dir, "*.html")]);
    expect(globbed.items).toEqual([]);
    expect(globbed.problems).toEqual([
      { arg: join(dir, "zero.html"), reason: "a character device, not a regular file; only regular files are read" },
    ]);
  });

  it("reading a FIFO or a device through the library fails at once, without opening it for a read that never ends", async () => {
    const err = await failure(extract(fifo));
    expect(err.kind).toBe("unreadable");
    expect(describeError(err)).toBe(`${fifo}: a FIFO (named pipe), not a regular file; only regular files are read`);
    expect(describeError(await failure(readInput("/dev/zero")))).toBe(
      "/dev/zero: a character device, not a regular file; only regular files are read",
    );
  });
});

describe("reading is bounded by the format's size limit", () => {
  it("an HTML file over its limit is refused from its size, before it is read", async () => {
    const path = sparse("big.html", "<html><body><table>", INPUT_MAX_BYTES.html + 5 * 1024 * 1024);
    const err = await failure(readInput(path));
    expect(err.kind).toBe("too-large");
    expect(describeError(err)).toBe(`${path}: 37 MB: larger than the 32 MB limit for HTML files; refusing`);
  });

  it("a file larger than any input may be is refused when the command line is expanded", async () => {
    const path = sparse("huge.pdf", "%PDF-1.7\n", INPUT_MAX_BYTES.pdf + 1024 * 1024);
    const expanded = await expandInputs([path]);
    expect(expanded.items).toEqual([]);
    expect(expanded.problems).toEqual([{ arg: path, reason: "257 MB: larger than the 256 MB limit for any input; refusing" }]);
  });

  it("a file under its limit is read whole", async () => {
    const path = sparse("ok.html", "<html><body><table><tr><td>x</td></tr></table>", 200_000);
    const bytes = await readInput(path);
    expect(bytes.length).toBe(200_000);
    expect(Buffer.from(bytes.subarray(0, 6)).toString()).toBe("<html>");
  });

  it("a missing file is still one line", async () => {
    expect(describeError(await failure(readInput(join(dir, "nope.pdf"))))).toBe(`${join(dir, "nope.pdf")}: no such file`);
  });
});
