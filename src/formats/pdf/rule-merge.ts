/**
 * Clean up ruling lines the way pdfplumber's table finder does: snap lines that are nearly at the same
 * position onto one coordinate, then join collinear pieces that touch or nearly touch (Chromium draws one
 * rectangle per cell edge; dotted borders come as many short dashes).
 */
import type { HRule, VRule } from "./types.ts";

/** Lines this close (points) are the same line. */
export const SNAP = 2;
/** Collinear pieces with gaps up to this are one line. */
export const JOIN = 3;

interface Line1D {
  at: number;
  a: number;
  b: number;
}

function merge1D(lines: Line1D[]): Line1D[] {
  const sorted = [...lines].sort((p, q) => p.at - q.at);
  const out: Line1D[] = [];
  let group: Line1D[] = [];
  let sum = 0;
  const flush = () => {
    if (group.length === 0) return;
    // Weighted by length: a long border decides the position, not a stray short tick.
    let wsum = 0;
    let w = 0;
    for (const l of group) {
      const len = Math.max(l.b - l.a, 0.1);
      wsum += l.at * len;
      w += len;
    }
    const at = wsum / w;
    group.sort((p, q) => p.a - q.a);
    let cur: Line1D = { at, a: group[0].a, b: group[0].b };
    for (let i = 1; i < group.length; i++) {
      const l = group[i];
      if (l.a <= cur.b + JOIN) cur.b = Math.max(cur.b, l.b);
      else {
        out.push(cur);
        cur = { at, a: l.a, b: l.b };
      }
    }
    out.push(cur);
    group = [];
    sum = 0;
  };
  for (const l of sorted) {
    if (group.length && l.at - sum / group.length > SNAP) flush();
    group.push(l);
    sum += l.at;
  }
  flush();
  return out;
}

export function mergeRules(h: HRule[], v: VRule[]): { h: HRule[]; v: VRule[] } {
  return {
    h: merge1D(h.map((r) => ({ at: r.y, a: r.x0, b: r.x1 }))).map((l) => ({ y: l.at, x0: l.a, x1: l.b })),
    v: merge1D(v.map((r) => ({ at: r.x, a: r.y0, b: r.y1 }))).map((l) => ({ x: l.at, y0: l.a, y1: l.b })),
  };
}
