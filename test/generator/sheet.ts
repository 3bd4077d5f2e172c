/**
 * A table under construction: rows of cells placed left to right in the slots rowspans above leave free,
 * exactly as browsers (and tableFromRows) place them. Every row must end up fully covered — a hole would shift
 * later cells left when the spec is read back — so a layout mistake of the generator fails loudly here instead
 * of becoming a bogus interpreter failure. Page breaks cut a finished table into parts (`cut`).
 */

export interface Placed {
  r: number;
  c: number;
  rs: number;
  cs: number;
  t: string;
}

export type CellIn = string | { t: string; rs?: number; cs?: number };
export type SpecCell = string | { t: string; rs?: number; cs?: number };

export class Sheet {
  readonly cells: Placed[] = [];
  readonly header: number[] = [];
  rows = 0;
  private readonly occ: boolean[][] = [];
  constructor(readonly width: number) {}

  /** Append one row; returns its index. */
  add(cells: CellIn[], opts: { header?: boolean } = {}): number {
    const r = this.rows++;
    const taken = (rr: number, cc: number) => this.occ[rr]?.[cc] === true;
    let c = 0;
    for (const x of cells) {
      const cell = typeof x === "string" ? { t: x } : x;
      while (taken(r, c)) c++;
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      if (c + cs > this.width) throw new Error(`row ${r}: cell "${cell.t}" at ${c}+${cs} passes the table width ${this.width}`);
      for (let rr = r; rr < r + rs; rr++)
        for (let cc = c; cc < c + cs; cc++) {
          if (taken(rr, cc)) throw new Error(`row ${r}: cell "${cell.t}" overlaps slot ${rr},${cc}`);
          (this.occ[rr] ??= [])[cc] = true;
        }
      this.cells.push({ r, c, rs, cs, t: cell.t });
      c += cs;
    }
    for (let cc = 0; cc < this.width; cc++)
      if (!taken(r, cc)) throw new Error(`row ${r}: slot ${cc} left empty (${JSON.stringify(cells)})`);
    if (opts.header) this.header.push(r);
    return r;
  }

  /** Check that no rowspan reaches past the last row. */
  done(): this {
    for (const x of this.cells)
      if (x.r + x.rs > this.rows) throw new Error(`cell "${x.t}" at row ${x.r} spans ${x.rs} rows past the end (${this.rows})`);
    return this;
  }
}

/** A finished table part: rows of placed cells (rebased to row 0). */
export interface Part {
  width: number;
  rows: number;
  cells: Placed[];
  header: number[];
}

export function whole(s: Sheet): Part {
  s.done();
  return { width: s.width, rows: s.rows, cells: s.cells, header: s.header };
}

/**
 * Rows [from, to) of a table as a table of their own. A merged cell the cut passes through keeps its text in
 * the part where it starts; in the part after the cut it is a blank cell over its remaining rows — what a page
 * break does to a merged cell.
 */
export function cut(p: Part, from: number, to: number): Part {
  const cells: Placed[] = [];
  for (const x of p.cells) {
    const end = x.r + x.rs;
    if (end <= from || x.r >= to) continue;
    if (x.r >= from) cells.push({ ...x, r: x.r - from, rs: Math.min(end, to) - x.r });
    else cells.push({ r: 0, c: x.c, rs: Math.min(end, to) - from, cs: x.cs, t: "" });
  }
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  return { width: p.width, rows: to - from, cells, header: p.header.filter((h) => h >= from && h < to).map((h) => h - from) };
}

/** Put header rows (copied from another part) on top of a part: a header repeated after a page break. */
export function withHeader(header: Placed[], headerRows: number, p: Part): Part {
  const cells = [...header.map((x) => ({ ...x })), ...p.cells.map((x) => ({ ...x, r: x.r + headerRows }))];
  return {
    width: p.width,
    rows: p.rows + headerRows,
    cells,
    header: [...Array(headerRows).keys(), ...p.header.map((h) => h + headerRows)],
  };
}

/** Spec rows (the content-spec format): anchored cells of each row in column order; covered slots omitted. */
export function specRows(p: Part): SpecCell[][] {
  const rows: SpecCell[][] = Array.from({ length: p.rows }, () => []);
  for (const x of [...p.cells].sort((a, b) => a.r - b.r || a.c - b.c)) {
    const spanned: { t: string; rs?: number; cs?: number } = { t: x.t };
    if (x.rs > 1) spanned.rs = x.rs;
    if (x.cs > 1) spanned.cs = x.cs;
    rows[x.r].push(x.rs > 1 || x.cs > 1 ? spanned : x.t);
  }
  return rows;
}

/** n spans adding up to total, as even as possible (the remainder to the last ones). */
export function distribute(total: number, n: number): number[] {
  if (n <= 0) return [];
  if (total < n) throw new Error(`cannot spread ${n} cells over ${total} columns`);
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i >= n - extra ? 1 : 0));
}
