import { describe, expect, it } from "vitest";
import { runWindowed } from "../../src/batch/run.ts";

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runWindowed", () => {
  it("delivers in input order when ordered, and never has more than `window` outstanding", async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    let outstanding = 0;
    let peak = 0;
    const delivered: number[] = [];
    await runWindowed(
      items,
      async (i) => {
        outstanding++;
        peak = Math.max(peak, outstanding);
        await delay((i * 7) % 13);
        return i * 10;
      },
      async (r) => {
        outstanding--;
        delivered.push(r);
      },
      { window: 5, ordered: true },
    );
    expect(delivered).toEqual(items.map((i) => i * 10));
    expect(peak).toBeLessThanOrEqual(5);
    expect(peak).toBeGreaterThan(1);
  });

  it("delivers in completion order when not ordered", async () => {
    const delivered: number[] = [];
    await runWindowed(
      [30, 0, 10],
      async (ms) => {
        await delay(ms);
        return ms;
      },
      async (r) => void delivered.push(r),
      {
        window: 3,
        ordered: false,
      },
    );
    expect(delivered).toEqual([0, 10, 30]);
  });

  it("stops and rethrows when delivery fails (a full disk, a closed pipe)", async () => {
    let worked = 0;
    const run = runWindowed(
      Array.from({ length: 100 }, (_, i) => i),
      async (i) => {
        worked++;
        return i;
      },
      async (i) => {
        if (i === 3) throw new Error("disk full");
      },
      { window: 2, ordered: true },
    );
    await expect(run).rejects.toThrow("disk full");
    expect(worked).toBeLessThan(10);
  });

  it("stops dispatching when aborted", async () => {
    const ac = new AbortController();
    let worked = 0;
    await runWindowed(
      Array.from({ length: 100 }, (_, i) => i),
      async (i) => {
        worked++;
        if (i === 5) ac.abort();
        await delay(1);
        return i;
      },
      async () => undefined,
      { window: 3, ordered: false, signal: ac.signal },
    );
    expect(worked).toBeLessThan(12);
  });
});
