/**
 * The HTML table walker: a parsed page → text lines and data tables in document order.
 *
 * A table that holds no other table is a data table. A table that holds tables is page layout (government sites
 * put the content column, the navigation bar and the footer in one) — its own text is read as ordinary lines and
 * the tables inside it are walked in turn. Rows and cells are taken from the table's DIRECT children only, so a
 * nested table's rows never leak into the one around it.
 *
 * A table whose last rows declare a rowspan reaching past its end, followed straight away (nothing but blank
 * lines or a page break between) by a table whose rows lack exactly those columns, is one table split in two:
 * editors split a long table at a page break and leave the merged cells (the 一级指标 column) in the first part.
 * The two are read as one grid, the merged cell covering the rows it claims.
 */
import { compactTable, type GridAssembler, type TableShape } from "../../grid/assemble.ts";
import { tableFromRows, toMatrix } from "../../grid/matrix.ts";
import { cleanCellText, isWide } from "../../grid/text.ts";
import { HTML_MAX_TABLE_SLOTS } from "../../settings/limits.ts";
import { childElements, isElement, type DomNode } from "../dom.ts";
import { tooManySlots } from "../table-limit.ts";

/** Not rendered as text, or never a document's content. */
const SKIP = new Set([
  "head",
  "script",
  "style",
  "template",
  "noscript",
  "title",
  "meta",
  "link",
  "base",
  "select",
  "option",
  "optgroup",
  "datalist",
  "textarea",
  "input",
  "button",
  "iframe",
  "frame",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "audio",
  "video",
  "map",
  "img",
]);

/** Elements that start and end a visual line. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "section",
  "summary",
  "ul",
  "body",
  "html",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "colgroup",
  "listing",
  "xmp",
  "plaintext",
  "pre",
]);

const PREFORMATTED = new Set(["pre", "listing", "xmp", "plaintext", "textarea"]);

/** Marks a run of source whitespace that held a line break, resolved when the line ends. */
const SEGMENT_BREAK = "\u0001";

/**
 * Collects the visual lines of some content. HTML whitespace collapses; a source line break between two Chinese
 * characters disappears instead of becoming a space (CSS Text segment-break rule; Word's HTML export wraps long
 * Chinese text mid-phrase).
 */
export class LineBuilder {
  private current = "";
  constructor(private readonly onLine: (line: string) => void) {}

  text(data: string, pre: boolean): void {
    if (pre) {
      const parts = data.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) this.break();
        this.current += part;
      });
      return;
    }
    this.current += data.replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) ? SEGMENT_BREAK : " "));
  }

  break(): void {
    const line = resolveSegmentBreaks(this.current);
    this.current = "";
    if (line.trim()) this.onLine(line);
  }
}

function resolveSegmentBreaks(s: string): string {
  if (!s.includes(SEGMENT_BREAK)) return s;
  return s.replace(/[ \u0001]*\u0001[ \u0001]*/g, (run: string, offset: number, all: string) => {
    const before = String.fromCodePoint(codePointBefore(all, offset) ?? 0x20);
    const after = String.fromCodePoint(all.codePointAt(offset + run.length) ?? 0x20);
    return isWide(before) && isWide(after) ? "" : " ";
  });
}

function codePointBefore(s: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return s.codePointAt(i - 2);
  return low;
}

/** Elements a browser does not show: `hidden`, `display:none`, Word's `mso-hide:all`. */
export function isHidden(el: DomNode): boolean {
  const a = el.attribs;
  if (!a) return false;
  if ("hidden" in a) return true;
  return a.style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\b/i.test(a.style);
}

function skipped(el: DomNode): boolean {
  return SKIP.has(el.name!) || isHidden(el);
}

/** Where data tables go, and the last one's rows while they claim rows beyond its end. */
interface TableSink {
  out: GridAssembler;
  open: { rows: SourceCell[][]; count: number } | null;
}

/** Walk a page (or any subtree) and feed its lines and data tables to `out`. */
export function walkHtml(root: DomNode, out: GridAssembler): void {
  const flow = new LineBuilder((line) => out.line(line));
  walkFlow(root, flow, false, { out, open: null });
  flow.break();
}

function walkFlow(node: DomNode, lines: LineBuilder, pre: boolean, out: TableSink | null): void {
  for (const child of node.children ?? []) {
    if (child.type === "text") {
      lines.text(child.data ?? "", pre);
      continue;
    }
    if (!isElement(child) || skipped(child)) continue;
    const name = child.name!;
    if (name === "br") {
      lines.break();
    } else if (name === "table" && out) {
      lines.break();
      if (containsTable(child)) {
        walkFlow(child, lines, pre, out);
        lines.break();
      } else {
        readDataTable(child, lines, out);
      }
    } else if (BLOCK.has(name)) {
      lines.break();
      walkFlow(child, lines, pre || PREFORMATTED.has(name), out);
      lines.break();
    } else {
      walkFlow(child, lines, pre, out);
    }
  }
}

function containsTable(el: DomNode): boolean {
  for (const child of el.children ?? []) {
    if (!isElement(child) || skipped(child)) continue;
    if (child.name === "table" || containsTable(child)) return true;
  }
  return false;
}

/** The lines of some content, as one cell's text. */
export function htmlCellText(el: DomNode): string {
  const lines: string[] = [];
  const builder = new LineBuilder((line) => lines.push(line));
  walkFlow(el, builder, false, null);
  builder.break();
  return cleanCellText(lines);
}

interface SourceCell {
  text: string;
  rowspan: number;
  colspan: number;
  /** Rows the cell declares beyond the end of the table (a cell in the last row group only). */
  overhang?: number;
}

function readDataTable(table: DomNode, flow: LineBuilder, sink: TableSink): void {
  // A caption is the table's title: it belongs to its context, after the lines above the table.
  for (const caption of childElements(table, "caption")) {
    if (isHidden(caption)) continue;
    walkFlow(caption, flow, false, null);
    flow.break();
  }
  const rows: SourceCell[][] = [];
  const groups = rowGroups(table);
  groups.forEach((group, g) => {
    group.forEach((tr, i) => {
      const cells = childElements(tr, "td", "th").filter((td) => !isHidden(td));
      const row = cells.map((td): SourceCell => {
        const rowspan = rowspanOf(td, group.length - i);
        const overhang = g === groups.length - 1 ? declaredRowspan(td) - rowspan : 0;
        return { text: htmlCellText(td), rowspan, colspan: colspanOf(td), ...(overhang > 0 ? { overhang } : {}) };
      });
      if (isZeroHeightSpacer(tr, row)) return;
      rows.push(row);
    });
  });

  const { out, open } = sink;
  sink.open = null;
  const joined = open && out.adjoinsTable(open.count) ? joinSplitTable(open.rows, rows) : null;
  const count = out.tables.length;
  if (joined) out.replaceLast(gridOf(joined));
  else out.table(gridOf(rows));
  const all = joined ?? rows;
  if ((joined || out.tables.length > count) && all.some((row) => row.some((c) => c.overhang))) {
    sink.open = { rows: all, count: out.tables.length };
  }
}

/**
 * The rows of `first` and `second` as one table, if `second` is the rest of `first`: the cells of `first` that
 * claim rows beyond its end cover the first rows of `second`, and together they fill exactly `first`'s columns
 * in every row of `second`. Otherwise null (two tables).
 */
function joinSplitTable(first: SourceCell[][], second: SourceCell[][]): SourceCell[][] | null {
  if (second.length === 0) return null;
  const width = tableFromRows(first, 0).cols;
  const extended = first.map((row) => row.map(({ overhang, ...c }) => (overhang ? { ...c, rowspan: c.rowspan + overhang } : c)));
  const rows = [...extended, ...second];
  checkArea(rows);
  const joined = tableFromRows(rows, 0);
  if (joined.cols !== width) return null;
  const m = toMatrix(joined);
  for (let r = first.length; r < rows.length; r++) if (m[r].some((slot) => slot === null)) return null;
  // Overhanging cells that ended up covering none of `second` leave it where it was: its own table.
  const covers = joined.cells.some((c) => c.row < first.length && c.row + c.rowspan > first.length);
  return covers ? rows : null;
}

/** The grid of some rows, refused when it passes HTML_MAX_TABLE_SLOTS (before or after empty columns are dropped). */
function gridOf(rows: SourceCell[][]): TableShape {
  checkArea(rows);
  const shape = compactTable(tableFromRows(rows, 0));
  if (shape.rows * shape.cols > HTML_MAX_TABLE_SLOTS) throw tooManySlots(shape.rows, shape.cols, HTML_MAX_TABLE_SLOTS);
  return shape;
}

/** The slots the cells' spans claim (what placing them costs), checked before they are placed. */
function checkArea(rows: SourceCell[][]): void {
  let area = 0;
  let widest = 0;
  rows.forEach((row, r) => {
    let width = 0;
    for (const c of row) {
      area += Math.max(1, Math.min(c.rowspan, rows.length - r)) * c.colspan;
      width += c.colspan;
    }
    widest = Math.max(widest, width);
  });
  if (area > HTML_MAX_TABLE_SLOTS) throw tooManySlots(rows.length, widest, HTML_MAX_TABLE_SLOTS);
}

/** Row groups in display order: header rows first, footer rows last, as a browser lays them out. */
function rowGroups(table: DomNode): DomNode[][] {
  const head: DomNode[][] = [];
  const body: DomNode[][] = [];
  const foot: DomNode[][] = [];
  let loose: DomNode[] | null = null;
  for (const child of childElements(table)) {
    if (isHidden(child)) continue;
    const rows = () => childElements(child, "tr").filter((tr) => !isHidden(tr));
    if (child.name === "thead") head.push(rows());
    else if (child.name === "tfoot") foot.push(rows());
    else if (child.name === "tbody") {
      body.push(rows());
      loose = null;
    } else if (child.name === "tr") {
      if (!loose) body.push((loose = []));
      loose.push(child);
    }
  }
  return [...head, ...body, ...foot];
}

/** HTML's rules: a non-number is 1, `0` spans to the end of the row group, at most 65534 — and never past the group. */
function rowspanOf(td: DomNode, rowsLeftInGroup: number): number {
  const n = parseSpan(td.attribs?.rowspan);
  if (n === null) return 1;
  return Math.min(n === 0 ? rowsLeftInGroup : n, 65534, rowsLeftInGroup);
}

/** The rows a cell asks for, before its row group has its say (`0`, "to the end of the group", asks for none). */
function declaredRowspan(td: DomNode): number {
  return Math.min(parseSpan(td.attribs?.rowspan) || 1, 65534);
}

/** HTML's rules: a non-number or 0 is 1, at most 1000. */
function colspanOf(td: DomNode): number {
  const n = parseSpan(td.attribs?.colspan);
  return n === null || n === 0 ? 1 : Math.min(n, 1000);
}

function parseSpan(value: string | undefined): number | null {
  const m = value?.match(/^\s*\+?(\d+)/);
  return m ? Number(m[1]) : null;
}

/** Word's HTML export ends tables with a `height=0` row of empty cells that only fixes column widths. */
function isZeroHeightSpacer(tr: DomNode, row: SourceCell[]): boolean {
  const height = tr.attribs?.height ?? tr.attribs?.style?.match(/(?:^|;)\s*height\s*:\s*([^;]+)/i)?.[1];
  return height !== undefined && /^\s*0(?:\.0*)?\s*(?:px|pt|cm|mm|in)?\s*$/i.test(height) && row.every((c) => c.text === "");
}
