/**
 * Node limits (issue 13, item 10): a Word part or an HTML page with more nodes than the limit stops while it is
 * parsed. The limits are lowered here so the test parses 10,000 nodes, not 750,000 (the parsers' speed, ~0.5–1
 * million nodes a second, would make the real limits cost seconds); the inputs are the same either way.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { describeError, JixiaoError } from "../../src/errors.ts";
import { readGrid } from "../../src/formats/index.ts";

vi.mock("../../src/settings/limits.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/settings/limits.ts")>()),
  DOCX_MAX_XML_NODES: 10_000,
  HTML_MAX_NODES: 10_000,
}));

const bad = new URL("../../fixtures/bad/", import.meta.url).pathname;

async function failure(bytes: Uint8Array, file: string): Promise<string> {
  const err = await readGrid(bytes, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JixiaoError);
  expect((err as JixiaoError).kind).toBe("too-large");
  return describeError(err);
}

describe("node limits", () => {
  it("a Word part of a million paragraphs is refused while it is parsed", async () => {
    const bytes = new Uint8Array(readFileSync(bad + "size-docx-many-nodes.docx"));
    expect(await failure(bytes, "nodes.docx")).toBe("nodes.docx: more than 10,000 elements and text runs in one XML part; refusing");
  });

  it("an HTML page of more DOM nodes than the limit is refused while it is parsed", async () => {
    const page = new Uint8Array(Buffer.from(`<html><body>${"<p>x</p>".repeat(250_000)}`));
    expect(await failure(page, "nodes.html")).toBe("nodes.html: more than 10,000 elements and text nodes in the page; refusing");
  });

  it("a page under the limit is read", async () => {
    const page = new Uint8Array(Buffer.from(`<p>标题</p><table><tr><td>a</td><td>b</td></tr></table>`));
    expect((await readGrid(page, "ok.html")).tables).toHaveLength(1);
  });
});
