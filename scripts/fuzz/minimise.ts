/**
 * Delta debugging by chunk removal: remove ever smaller chunks while the failure persists, within a budget of
 * attempts and time. A .docx is minimised inside its zip (whole parts first, then the largest XML part's bytes),
 * so the result is still a zip the reader opens.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

export type StillFails = (bytes: Uint8Array) => Promise<boolean>;

export interface Budget {
  attempts: number;
  deadline: number;
}

const without = (b: Uint8Array, from: number, to: number): Uint8Array => {
  const out = new Uint8Array(b.length - (to - from));
  out.set(b.subarray(0, from), 0);
  out.set(b.subarray(to), from);
  return out;
};

const spent = (budget: Budget) => budget.attempts <= 0 || Date.now() > budget.deadline;

/** ddmin over complements: try removing each of n chunks; on success keep the smaller input, else refine. */
export async function ddmin(bytes: Uint8Array, stillFails: StillFails, budget: Budget): Promise<Uint8Array> {
  let cur = bytes;
  let n = 2;
  while (cur.length > 1 && !spent(budget)) {
    const chunk = Math.ceil(cur.length / n);
    let reduced = false;
    for (let start = 0; start < cur.length && !spent(budget); start += chunk) {
      const candidate = without(cur, start, Math.min(cur.length, start + chunk));
      budget.attempts--;
      if (await stillFails(candidate)) {
        cur = candidate;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk <= 1) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  return cur;
}

function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(entries)) z[k] = [v, { level: 6 }];
  return zipSync(z);
}

export async function minimise(bytes: Uint8Array, zipped: boolean, stillFails: StillFails, budget: Budget): Promise<Uint8Array> {
  let entries: Record<string, Uint8Array> | null = null;
  if (zipped) {
    try {
      entries = unzipSync(bytes);
    } catch {
      entries = null;
    }
  }
  if (!entries || !(await stillFails(rezip(entries)))) return ddmin(bytes, stillFails, budget);
  // Whole parts first.
  for (const name of Object.keys(entries)) {
    if (spent(budget)) break;
    const { [name]: _dropped, ...rest } = entries;
    budget.attempts--;
    if (await stillFails(rezip(rest))) entries = rest;
  }
  const xml = Object.keys(entries)
    .filter((k) => /\.(xml|rels)$/.test(k))
    .sort((a, b) => entries![b].length - entries![a].length)[0];
  if (!xml) return rezip(entries);
  const base = entries;
  const part = await ddmin(base[xml], (b) => stillFails(rezip({ ...base, [xml]: b })), budget);
  return rezip({ ...base, [xml]: part });
}
