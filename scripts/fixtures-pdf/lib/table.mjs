/**
 * Drawing tables with pdfkit, the way office software prints them: every cell's text line by line (no
 * automatic wrapping, so the expected cell text is exactly the lines given), borders either stroked (Word,
 * LibreOffice) or as thin filled rectangles per cell edge (Chromium, WPS).
 *
 * A table is rows of cells in HTML order: a cell is a string, an array of lines, or
 * {t: string | string[], rs, cs, align}. Cells go into the first free slot of their row, as in HTML.
 */

export const LINE = 1.3; // line height in ems

/** Normalise a cell spec. */
export function cell(spec) {
  if (typeof spec === "string") return { lines: spec === "" ? [] : [spec], rs: 1, cs: 1, align: "center" };
  if (Array.isArray(spec)) return { lines: spec, rs: 1, cs: 1, align: "center" };
  const t = spec.t ?? "";
  return { lines: Array.isArray(t) ? t : t === "" ? [] : [t], rs: spec.rs ?? 1, cs: spec.cs ?? 1, align: spec.align ?? "center" };
}

/** Place cells on the grid: [{row, col, rs, cs, lines, align}], rows, cols. */
export function place(rows) {
  const taken = [];
  const cells = [];
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const spec of row) {
      const x = cell(spec);
      while (taken[r]?.[c]) c++;
      for (let rr = r; rr < r + x.rs; rr++) for (let cc = c; cc < c + x.cs; cc++) (taken[rr] ??= [])[cc] = true;
      cells.push({ row: r, col: c, ...x });
      c += x.cs;
      cols = Math.max(cols, c);
    }
  });
  return { cells, rows: rows.length, cols };
}

/**
 * Draw a placed table at (x, y) with column widths; returns the y of its bottom edge.
 * opts: {size, pad, minRow, style: "stroke" | "rects", lineWidth, font}
 */
export function drawTable(doc, table, x, y, widths, opts = {}) {
  const size = opts.size ?? 9;
  const pad = opts.pad ?? 4;
  const minRow = opts.minRow ?? 18;
  const lh = size * LINE;
  const heights = Array(table.rows).fill(minRow);
  for (const c of table.cells) if (c.rs === 1) heights[c.row] = Math.max(heights[c.row], c.lines.length * lh + 2 * pad);
  // A merged cell taller than its rows stretches its last row.
  for (const c of table.cells) {
    if (c.rs === 1) continue;
    const have = heights.slice(c.row, c.row + c.rs).reduce((a, b) => a + b, 0);
    const need = c.lines.length * lh + 2 * pad;
    if (need > have) heights[c.row + c.rs - 1] += need - have;
  }
  const xs = [x];
  for (const w of widths) xs.push(xs.at(-1) + w);
  const ys = [y];
  for (const h of heights) ys.push(ys.at(-1) + h);
  doc.font(opts.font ?? "cjk").fontSize(size);
  for (const c of table.cells) {
    const x0 = xs[c.col],
      x1 = xs[c.col + c.cs],
      y0 = ys[c.row],
      y1 = ys[c.row + c.rs];
    const top = y0 + (y1 - y0 - c.lines.length * lh) / 2;
    c.lines.forEach((line, i) => {
      const w = doc.widthOfString(line);
      const tx = c.align === "left" ? x0 + pad : x0 + (x1 - x0 - w) / 2;
      doc.text(line, tx, top + i * lh + (lh - size) / 2, { lineBreak: false });
    });
    drawBorders(doc, x0, y0, x1, y1, opts, c);
  }
  return ys.at(-1);
}

/** The four edges of a cell (`open` in opts: {top: bool, bottom: bool} per cell via c.openTop/openBottom). */
function drawBorders(doc, x0, y0, x1, y1, opts, c) {
  const edges = [];
  if (!c.openTop) edges.push([x0, y0, x1, y0]);
  if (!c.openBottom) edges.push([x0, y1, x1, y1]);
  edges.push([x0, y0, x0, y1], [x1, y0, x1, y1]);
  if ((opts.style ?? "stroke") === "stroke") {
    doc.lineWidth(opts.lineWidth ?? 0.5);
    for (const [a, b, p, q] of edges) doc.moveTo(a, b).lineTo(p, q).stroke("#000000");
  } else {
    const t = opts.lineWidth ?? 0.75;
    for (const [a, b, p, q] of edges) {
      if (b === q) doc.rect(a, b - t / 2, p - a, t).fill("#000000");
      else doc.rect(a - t / 2, b, t, q - b).fill("#000000");
    }
  }
}

/** Expected grid cells of a placed table: [row, col, rowspan, colspan, text]. */
export function expectedCells(table) {
  return table.cells.map((c) => [c.row, c.col, c.rs, c.cs, c.lines.join("\n")]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Split a placed table at a page break after logical row `k` (rows 0..k on the first page), the way Word and
 * LibreOffice print it: merged cells crossing the break continue as empty merged cells on the next page, and
 * row `k` itself is split when `firstLines` says how many lines of which column stay on the first page.
 * Returns [partA, partB] as placed tables.
 */
export function splitTable(table, k, firstLines = null) {
  const off = firstLines ? k : k + 1;
  const a = { cells: [], rows: k + 1, cols: table.cols };
  const b = { cells: [], rows: table.rows - off, cols: table.cols };
  for (const c of table.cells) {
    const end = c.row + c.rs - 1;
    if (end < k || (end === k && !firstLines)) a.cells.push({ ...c });
    else if (c.row > k) b.cells.push({ ...c, row: c.row - off });
    else if (firstLines && c.rs === 1) {
      const n = firstLines[c.col] ?? c.lines.length;
      a.cells.push({ ...c, lines: c.lines.slice(0, n) });
      b.cells.push({ ...c, row: 0, lines: c.lines.slice(n) });
    } else {
      a.cells.push({ ...c, rs: k - c.row + 1 });
      b.cells.push({ ...c, row: 0, rs: end - off + 1, lines: [] });
    }
  }
  return [a, b];
}
