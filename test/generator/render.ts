/**
 * Abstract document + choices → content-spec blocks (the format of scripts/fixtures/layouts/*.json):
 * paragraphs `{type:"p",role,text}` and tables `{type:"table",cols,widths,headerRows,rows}` whose cells are
 * strings or `{t,rs,cs}`, covered slots omitted as in HTML. Only layout is decided here; label wording (which
 * synonym) comes from a render stream, because no expected value depends on it.
 */
import {
  level1Order,
  level2Order,
  type AbsDepartment,
  type AbsDoc,
  type AbsIndicator,
  type AbsProject,
  type BreakPlan,
  type DeptDoc,
  type KvDoc,
  type Para,
  type WideDoc,
} from "./compose.ts";
import type { Choices } from "./dimensions.ts";
import { amountText, cutAt, label, labelUnitSuffix, splitValue, widthForm } from "./print.ts";
import { Rng } from "./random.ts";
import { cut, distribute, Sheet, specRows, whole, withHeader, type CellIn, type Part, type Placed, type SpecCell } from "./sheet.ts";
import {
  DEPT_LABELS,
  FIELD_LABELS,
  HEADER_LABELS,
  LEVEL1_SYNONYMS,
  LEVEL2_SYNONYMS,
  WIDE_LABELS,
  labelPool,
  type LabelSet,
} from "./vocab.ts";

export interface ParagraphBlock {
  type: "p";
  role: string;
  text: string;
  pageBreak?: boolean;
}
export interface TableBlock {
  type: "table";
  role: string;
  cols: number;
  widths: number[];
  headerRows: number[];
  rows: SpecCell[][];
}
export type Block = ParagraphBlock | TableBlock;

/** Label wording for one document: a synonym per label, kept for the whole document (a form words a label one way). */
class Labels {
  private readonly memo = new Map<LabelSet, string>();
  constructor(
    private readonly rng: Rng,
    private readonly c: Choices,
  ) {}
  word(set: LabelSet): string {
    let w = this.memo.get(set);
    if (w === undefined) {
      w = this.rng.pick(labelPool(set, this.c));
      this.memo.set(set, w);
    }
    return w;
  }
  /** The printed label: wording, then width forms and OCR spacing. */
  of(set: LabelSet, suffix = ""): string {
    return label(this.word(set) + suffix, this.c);
  }
  /** `label：value` as printed in one cell or line. */
  inline(set: LabelSet, value: string, suffix = ""): string {
    return this.of(set, suffix) + widthForm("：", this.c) + value;
  }
}

const para = (p: Para): ParagraphBlock =>
  p.pageBreak ? { type: "p", role: p.role, text: p.text, pageBreak: true } : { type: "p", role: p.role, text: p.text };
const pageBreak = (): ParagraphBlock => ({ type: "p", role: "blank", text: "", pageBreak: true });
const withBreak = (text: string, at: number | null) => (at === null ? text : `${text.slice(0, at)}\n${text.slice(at)}`);

// ------------------------------------------------------------------------------------------------ matrix

type Kind =
  | "container"
  | "serial"
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "valueType"
  | "op"
  | "nature"
  | "direction"
  | "number"
  | "measure"
  | "score"
  | "basis"
  | "remark";

interface MCol {
  kind: Kind;
  span: number;
}

/** The value columns, in the order print.ts splitValue returns their cells. */
function valueKinds(c: Choices): Kind[] {
  switch (c.valueColumns) {
    case "opValueUnit":
      return ["op", "number", "measure"];
    case "typeOpValueUnit":
      return ["valueType", "op", "number", "measure"];
    case "natureSign":
      return ["nature", "number", "measure"];
    case "direction":
      return ["direction", "number", "measure"];
    default:
      return ["number"];
  }
}

function matrixKinds(c: Choices): Kind[] {
  const ks: Kind[] = [];
  if (c.headerStyle === "containerLeft") ks.push("container");
  if (c.family !== "kv") return [...ks, "level1", "level2", "name", "number"];
  if (c.serialCol === "yes") ks.push("serial");
  ks.push("level1", "level2", "name");
  if (c.descriptionCol === "yes") ks.push("description");
  if (c.scoreCol === "beforeValue") ks.push("score");
  ks.push(...valueKinds(c));
  if (c.scoreCol === "afterValue") ks.push("score");
  if (c.basisCol !== "none") ks.push("basis");
  if (c.remarkCol === "yes") ks.push("remark");
  return ks;
}

/** Matrix columns over W grid columns: the name column takes what is left (it is the widest on real forms). */
function layoutCols(kinds: Kind[], W: number): MCol[] {
  if (W < kinds.length) throw new Error(`matrix of ${kinds.length} columns in a table of ${W}`);
  return kinds.map((kind) => ({ kind, span: kind === "name" ? W - kinds.length + 1 : 1 }));
}

const WEIGHT: Partial<Record<Kind, number>> = { level1: 2, level2: 2, name: 4, description: 4, number: 2, basis: 3, remark: 2 };
function matrixWidths(cols: MCol[]): number[] {
  return cols.flatMap((m) => Array<number>(m.span).fill(Math.round(((WEIGHT[m.kind] ?? 1.5) / m.span) * 10) / 10));
}

function headerText(kind: Kind, c: Choices, L: Labels, sub = false): string {
  switch (kind) {
    case "container":
      return L.of(HEADER_LABELS.group);
    case "serial":
      return L.of(HEADER_LABELS.serial);
    case "level1":
      return L.of(HEADER_LABELS.level1);
    case "level2":
      return L.of(HEADER_LABELS.level2);
    case "name":
      return L.of(HEADER_LABELS.name);
    case "description":
      return L.of(HEADER_LABELS.description);
    case "valueType":
    case "nature":
      return L.of(HEADER_LABELS.valueType);
    case "op":
      return L.of(HEADER_LABELS.operator);
    case "direction":
      return L.of(HEADER_LABELS.direction);
    case "number":
      return sub ? L.of(HEADER_LABELS.number) : L.of(HEADER_LABELS.value);
    case "measure":
      return L.of(HEADER_LABELS.measure);
    case "score":
      return L.of(HEADER_LABELS.score);
    case "basis":
      return c.basisCol === "scoreStandard" ? L.of(HEADER_LABELS.scoreStandard) : L.of(HEADER_LABELS.basis);
    case "remark":
      return L.of(HEADER_LABELS.remark);
  }
}

/** Value columns that sit under a spanning 指标值 on a sub-header row (指标性质 and 指标方向 stand beside it). */
function underValue(c: Choices): Set<Kind> {
  return new Set(valueKinds(c).filter((k) => k !== "valueType" && k !== "direction"));
}

/** The header rows of a matrix. With containerLeft the container cell spans the `bodyRows` rows below too. */
function headerRows(cols: MCol[], c: Choices, L: Labels, bodyRows: number): CellIn[][] {
  const text = (m: MCol) => headerText(m.kind, c, L);
  const style = c.headerStyle;
  if (style === "none") return [];
  if (style === "containerLeft")
    return [cols.map((m) => (m.kind === "container" ? { t: text(m), rs: 1 + bodyRows, cs: m.span } : { t: text(m), cs: m.span }))];
  if (style === "one" || (style !== "groupTop" && underValue(c).size < 2)) return [cols.map((m) => ({ t: text(m), cs: m.span }))];
  // The group 绩效指标 reaches from the level-1 column to the last value column.
  const first = cols.findIndex((m) => m.kind === "level1");
  const vk = valueKinds(c);
  const last = cols.map((m) => vk.includes(m.kind)).lastIndexOf(true);
  const inGroup = (i: number) => i >= first && i <= last;
  const parent = underValue(c);
  const span = (ms: MCol[]) => ms.reduce((s, m) => s + m.span, 0);
  if (style === "groupTop") {
    const top: CellIn[] = [];
    cols.forEach((m, i) => {
      if (!inGroup(i)) top.push({ t: text(m), rs: 2, cs: m.span });
      else if (i === first) top.push({ t: L.of(HEADER_LABELS.group), cs: span(cols.slice(first, last + 1)) });
    });
    return [top, cols.filter((_, i) => inGroup(i)).map((m) => ({ t: text(m), cs: m.span }))];
  }
  const pFirst = cols.findIndex((m) => parent.has(m.kind));
  const pCols = cols.filter((m) => parent.has(m.kind));
  const subRow = pCols.map((m) => ({ t: headerText(m.kind, c, L, true), cs: m.span }));
  const midRow = (rs: number, only: (i: number) => boolean): CellIn[] => {
    const out: CellIn[] = [];
    cols.forEach((m, i) => {
      if (!only(i)) return;
      if (parent.has(m.kind)) {
        if (i === pFirst) out.push({ t: L.of(HEADER_LABELS.value), cs: span(pCols) });
      } else out.push({ t: text(m), rs, cs: m.span });
    });
    return out;
  };
  if (style === "valueSub") return [midRow(2, () => true), subRow];
  // groupAndSub: the group on top, 指标值 over its parts in the middle, the parts at the bottom.
  const top: CellIn[] = [];
  cols.forEach((m, i) => {
    if (!inGroup(i)) top.push({ t: text(m), rs: 3, cs: m.span });
    else if (i === first) top.push({ t: L.of(HEADER_LABELS.group), cs: span(cols.slice(first, last + 1)) });
  });
  return [top, midRow(2, inGroup), subRow];
}

const CN = ["", "一", "二", "三", "四", "五"];

/** A level label as this document prints it. */
function levelText(ind: AbsIndicator, which: "level1" | "level2", c: Choices, rng: Rng, memo: Map<string, string>): string {
  const canonical = which === "level1" ? ind.level1 : ind.level2;
  const i = level1Order(ind.level1, c.template ?? "classic");
  const j = level2Order(ind.level2)[1];
  let t: string;
  switch (c.levelStyle) {
    case "codeDash":
      t = which === "level1" ? `${i}-${canonical}` : `${i}${j}-${canonical}`;
      break;
    case "codeDot":
      t = which === "level1" ? `${i}.${canonical}` : `${i}.${j}${canonical}`;
      break;
    case "chinese":
      t = which === "level1" ? `（${CN[i]}）${canonical}` : `${j}.${canonical}`;
      break;
    case "short":
      t = which === "level2" ? canonical.replace(/指标$/, "") : canonical;
      break;
    case "synonym": {
      const key = `${which}:${canonical}`;
      let s = memo.get(key);
      if (s === undefined) {
        const pool = (which === "level1" ? LEVEL1_SYNONYMS : LEVEL2_SYNONYMS)[canonical] ?? [canonical];
        s = rng.pick(pool);
        memo.set(key, s);
      }
      t = s;
      break;
    }
    default:
      t = canonical;
  }
  return label(t, c);
}

interface LRow {
  i: number;
  /** 0: the whole row; 1/2: the two parts of a row a page break cuts. */
  part: 0 | 1 | 2;
}

function logicalRows(n: number, split: BreakPlan | null): LRow[] {
  const out: LRow[] = [];
  for (let i = 0; i < n; i++) {
    if (split && split.kind === "rowSplit" && split.at === i) out.push({ i, part: 1 }, { i, part: 2 });
    else out.push({ i, part: 0 });
  }
  return out;
}

interface MatrixCtx {
  c: Choices;
  rng: Rng;
  memo: Map<string, string>;
}

/** The cells of each indicator row (covered slots left out), in the order of `cols` (container excluded). */
function bodyRows(inds: AbsIndicator[], lrows: LRow[], cols: MCol[], m: MatrixCtx, split: BreakPlan | null): CellIn[][] {
  const { c } = m;
  const runLength = (j: number, same: (a: AbsIndicator, b: AbsIndicator) => boolean) => {
    let k = j + 1;
    while (k < lrows.length && same(inds[lrows[k].i], inds[lrows[k - 1].i])) k++;
    return k - j;
  };
  const same1 = (a: AbsIndicator, b: AbsIndicator) => a.level1 === b.level1;
  const same2 = (a: AbsIndicator, b: AbsIndicator) => a.level1 === b.level1 && a.level2 === b.level2;
  const kinds = cols.map((x) => x.kind);
  const vk = kinds.filter(
    (k) => k === "valueType" || k === "op" || k === "nature" || k === "direction" || k === "number" || k === "measure",
  );
  return lrows.map((lr, j) => {
    const ind = inds[lr.i];
    const prev = j > 0 ? inds[lrows[j - 1].i] : null;
    const out: CellIn[] = [];
    const valueCells = splitValue(ind.value, c).cells;
    const numberAt = vk.indexOf("number");
    let values = valueCells.slice();
    // Only a value longer than its cell wraps: five characters or more, and not inside a number.
    if (lr.part === 0 && ind.valueBreak && [...values[numberAt]].length >= 5) {
      const k = cutAt(values[numberAt], 0.5, true);
      if (k !== null) values[numberAt] = withBreak(values[numberAt], k);
    }
    if (lr.part !== 0 && split) {
      // A page break cuts a cell between its printed lines: a value shorter than a line of a narrow value column
      // (eight characters) stays whole on one side.
      const singleCut =
        split.valueMode === "split" && values.length === 1 && [...values[0]].length >= 8 ? cutAt(values[0], 0.5, true) : null;
      const mode = split.valueMode === "split" && singleCut === null ? "first" : split.valueMode;
      if (mode === "split") values = lr.part === 1 ? [values[0].slice(0, singleCut!)] : [values[0].slice(singleCut!)];
      else if ((mode === "first") !== (lr.part === 1)) values = values.map(() => "");
    }
    for (const col of cols) {
      const cs = col.span;
      const cell = (t: string): CellIn => ({ t, cs });
      switch (col.kind) {
        case "container":
          break; // covered by the header's container cell
        case "serial":
          out.push(cell(lr.part === 2 ? "" : String(lr.i + 1)));
          break;
        case "level1":
        case "level2": {
          const same = col.kind === "level1" ? same1 : same2;
          const starts = !prev || !same(ind, prev);
          const t = levelText(ind, col.kind, c, m.rng, m.memo);
          if (c.levelMerge === "rowspan") {
            if (starts) out.push({ t, rs: runLength(j, same), cs });
          } else if (c.levelMerge === "repeat") out.push(cell(lr.part === 2 ? "" : t));
          else out.push(cell(starts ? t : ""));
          break;
        }
        case "name": {
          const cutName = split?.nameCut ?? 0;
          out.push(
            cell(lr.part === 0 ? withBreak(ind.name, ind.nameBreak) : lr.part === 1 ? ind.name.slice(0, cutName) : ind.name.slice(cutName)),
          );
          break;
        }
        case "description":
          out.push(cell(sidePart(ind.description, lr.part, split)));
          break;
        case "score":
          out.push(cell(lr.part === 2 ? "" : ind.score));
          break;
        case "basis":
          out.push(cell(sidePart(ind.basis, lr.part, split)));
          break;
        case "remark":
          out.push(cell(lr.part === 2 ? "" : ind.remark));
          break;
        default:
          out.push(cell(values[vk.indexOf(col.kind)] ?? ""));
      }
    }
    return out;
  });
}

interface MatrixRows {
  /** Sheet row of each indicator's (first) row. */
  rowOf: number[];
  header: [number, number];
}

/** Append a matrix (header + rows) to a sheet whose width its columns fill. */
function addMatrix(sheet: Sheet, inds: AbsIndicator[], m: MatrixCtx, L: Labels, split: BreakPlan | null): MatrixRows {
  const cols = layoutCols(matrixKinds(m.c), sheet.width);
  const lrows = logicalRows(inds.length, split);
  const h0 = sheet.rows;
  for (const r of headerRows(cols, m.c, L, lrows.length)) sheet.add(r, { header: true });
  const h1 = sheet.rows;
  const rowOf: number[] = [];
  bodyRows(inds, lrows, cols, m, split).forEach((cells, j) => {
    const r = sheet.add(cells);
    if (lrows[j].part !== 2) rowOf[lrows[j].i] = r;
  });
  return { rowOf, header: [h0, h1] };
}

function table(part: Part, role: string, widths: number[]): TableBlock {
  return {
    type: "table",
    role,
    cols: part.width,
    widths: widths.length === part.width ? widths : Array(part.width).fill(1),
    headerRows: part.header,
    rows: specRows(part),
  };
}

/** A finished sheet as blocks, cut where the page break falls (and the header repeated when chosen). */
function emit(
  sheet: Sheet,
  role: string,
  widths: number[],
  brk: { at: number; header: [number, number]; kind: BreakPlan["kind"] } | null,
): Block[] {
  const w = whole(sheet);
  if (!brk) return [table(w, role, widths)];
  const a = cut(w, 0, brk.at);
  let b = cut(w, brk.at, w.rows);
  if (brk.kind === "headerRepeated") {
    const [h0, h1] = brk.header;
    const head: Placed[] = w.cells.filter((x) => x.r >= h0 && x.r < h1).map((x) => ({ ...x, r: x.r - h0 }));
    if (head.some((x) => x.r + x.rs > h1 - h0)) throw new Error("a header cell reaches into the body; it cannot be repeated");
    b = withHeader(head, h1 - h0, b);
  }
  return [table(a, role, widths), pageBreak(), table(b, role === "project" ? "indicators" : role, widths)];
}

// ------------------------------------------------------------------------------------------------ key–value

function boxes(p: AbsProject, c: Choices): string {
  const cat = p.category!;
  if (!cat.boxes) return cat.text;
  const on = (o: string) => o === cat.text;
  return c.category === "checkboxAfter"
    ? cat.boxes.map((o) => `${o}${on(o) ? "√" : "□"}`).join("　")
    : cat.boxes.map((o) => `${on(o) ? "☑" : "□"}${o}`).join("　");
}

interface FieldItem {
  set: LabelSet;
  value: string;
}

function shortItems(p: AbsProject, c: Choices): FieldItem[] {
  const out: FieldItem[] = [{ set: FIELD_LABELS.name, value: p.name }];
  if (p.code) out.push({ set: FIELD_LABELS.code, value: p.code });
  if (p.department) out.push({ set: FIELD_LABELS.department, value: p.department });
  if (c.unitSource === "field") out.push({ set: FIELD_LABELS.unit, value: p.unit! });
  if (c.unitSource === "fieldWithCode") out.push({ set: FIELD_LABELS.unit, value: `${p.unitCode}${p.unit}` });
  if (c.unitSource === "fieldAndCode")
    out.push({ set: FIELD_LABELS.unit, value: p.unit! }, { set: FIELD_LABELS.unitCode, value: p.unitCode! });
  if (p.category) out.push({ set: FIELD_LABELS.category, value: boxes(p, c) });
  if (p.period) out.push({ set: FIELD_LABELS.period, value: p.period });
  if (p.office) out.push({ set: FIELD_LABELS.office, value: p.office });
  return out;
}

const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

function funds(p: AbsProject, c: Choices) {
  const b = p.budget;
  return { T: amountText(b.total, c), F: amountText(b.fiscal, c), O: b.other === null ? b.otherBlank : amountText(b.other, c) };
}

/** Grid columns the key–value rows of a project need. */
function fieldsNeed(p: AbsProject, c: Choices): number {
  const n = shortItems(p, c).length;
  const layout = { pairs1: 2, pairs2: 4, pairs3: 6, above: Math.max(2, Math.min(4, n)), inline: 3 }[c.fieldLayout] ?? 2;
  const f = { row: 6, rows: 2, spanning: 3, spanningAbove: 4, scaleAndUse: 7, listCell: 2, labelsAbove: 3 }[c.funds] ?? 0;
  return Math.max(layout, f, c.spendingPlan === "beforeMatrix" ? 5 : 0);
}

function afterNeed(c: Choices): number {
  return c.spendingPlan === "afterMatrix" ? 5 : 2;
}

function goalRows(p: AbsProject, c: Choices, L: Labels, W: number): CellIn[][] {
  const text = p.goal.join("\n");
  if (c.fieldLayout === "inline") return [[{ t: L.inline(FIELD_LABELS.goal, text), cs: W }]];
  return [[L.of(FIELD_LABELS.goal), { t: text, cs: W - 1 }]];
}

function planRows(p: AbsProject, L: Labels, W: number): CellIn[][] {
  const spans = distribute(W - 1, 4);
  const plan = p.plan!;
  return [
    [{ t: L.of(FIELD_LABELS.plan), rs: 2 }, ...plan.map((x, i) => ({ t: x.label, cs: spans[i] }))],
    plan.map((x, i) => ({ t: x.raw, cs: spans[i] })),
  ];
}

function fieldRows(p: AbsProject, c: Choices, L: Labels, W: number): CellIn[][] {
  const rows: CellIn[][] = [];
  const items = shortItems(p, c);
  const F = funds(p, c);
  const sfx = labelUnitSuffix(c);
  if (c.fieldLayout === "inline") {
    for (const ch of chunk(items, 2)) {
      const spans = distribute(W, ch.length);
      rows.push(ch.map((it, i) => ({ t: L.inline(it.set, it.value), cs: spans[i] })));
    }
    const spans = distribute(W, 3);
    rows.push([
      { t: L.inline(FIELD_LABELS.total, F.T, sfx), cs: spans[0] },
      { t: L.inline(FIELD_LABELS.fiscal, F.F, sfx), cs: spans[1] },
      { t: L.inline(FIELD_LABELS.other, F.O, sfx), cs: spans[2] },
    ]);
    if (p.purpose) rows.push([{ t: L.inline(FIELD_LABELS.purpose, p.purpose.join("\n")), cs: W }]);
  } else {
    if (c.fieldLayout === "above") {
      for (const ch of chunk(items, Math.min(4, W))) {
        const spans = distribute(W, ch.length);
        rows.push(ch.map((it, i) => ({ t: L.of(it.set), cs: spans[i] })));
        rows.push(ch.map((it, i) => ({ t: it.value, cs: spans[i] })));
      }
    } else {
      const per = { pairs1: 1, pairs2: 2, pairs3: 3 }[c.fieldLayout] ?? 1;
      for (const ch of chunk(items, per)) {
        const spans = distribute(W - ch.length, ch.length);
        rows.push(ch.flatMap((it, i) => [L.of(it.set), { t: it.value, cs: spans[i] }]));
      }
    }
    rows.push(...fundsRows(p, c, L, W));
    if (p.purpose && c.funds !== "scaleAndUse") rows.push([L.of(FIELD_LABELS.purpose), { t: p.purpose.join("\n"), cs: W - 1 }]);
  }
  if (c.spendingPlan === "beforeMatrix") rows.push(...planRows(p, L, W));
  if (c.goalPlace === "beforeMatrix") rows.push(...goalRows(p, c, L, W));
  return rows;
}

function fundsRows(p: AbsProject, c: Choices, L: Labels, W: number): CellIn[][] {
  const F = funds(p, c);
  const sfx = labelUnitSuffix(c);
  switch (c.funds) {
    case "row": {
      const v = distribute(W - 3, 3);
      return [
        [
          L.of(FIELD_LABELS.total, sfx),
          { t: F.T, cs: v[0] },
          L.of(FIELD_LABELS.fiscal, sfx),
          { t: F.F, cs: v[1] },
          L.of(FIELD_LABELS.other, sfx),
          { t: F.O, cs: v[2] },
        ],
      ];
    }
    case "rows":
      return [
        [L.of(FIELD_LABELS.total, sfx), { t: F.T, cs: W - 1 }],
        [L.of(FIELD_LABELS.fiscal, sfx), { t: F.F, cs: W - 1 }],
        [L.of(FIELD_LABELS.other, sfx), { t: F.O, cs: W - 1 }],
      ];
    case "spanning":
      return [
        [{ t: L.of(FIELD_LABELS.container, sfx), rs: 3 }, L.of(FIELD_LABELS.subTotal), { t: F.T, cs: W - 2 }],
        [L.of(FIELD_LABELS.fiscal), { t: F.F, cs: W - 2 }],
        [L.of(FIELD_LABELS.other), { t: F.O, cs: W - 2 }],
      ];
    case "spanningAbove": {
      const s = distribute(W - 1, 3);
      return [
        [
          { t: L.of(FIELD_LABELS.container, sfx), rs: 2 },
          { t: L.of(FIELD_LABELS.subTotal), cs: s[0] },
          { t: L.of(FIELD_LABELS.fiscal), cs: s[1] },
          { t: L.of(FIELD_LABELS.other), cs: s[2] },
        ],
        [
          { t: F.T, cs: s[0] },
          { t: F.F, cs: s[1] },
          { t: F.O, cs: s[2] },
        ],
      ];
    }
    case "scaleAndUse": {
      const v = distribute(W - 4, 3);
      return [
        [
          { t: label("预算规模及资金用途", c), rs: 2 },
          L.of(FIELD_LABELS.total, sfx),
          { t: F.T, cs: v[0] },
          L.of(FIELD_LABELS.fiscal, sfx),
          { t: F.F, cs: v[1] },
          L.of(FIELD_LABELS.other, sfx),
          { t: F.O, cs: v[2] },
        ],
        [{ t: p.purpose!.join("\n"), cs: W - 1 }],
      ];
    }
    case "listCell": {
      // The forms that list the sources in one cell write bare labels (资金总额：/财政拨款：), no 其中：.
      const bare = (set: LabelSet) => label(L.word(set).replace(/^其中[：:]/, ""), c) + widthForm("：", c);
      const lines = [bare(FIELD_LABELS.subTotal) + F.T, bare(FIELD_LABELS.fiscal) + F.F, bare(FIELD_LABELS.other) + F.O];
      return [[L.of(FIELD_LABELS.container, sfx), { t: lines.join("\n"), cs: W - 1 }]];
    }
    default: {
      const s = distribute(W, 3);
      return [
        [
          { t: L.of(FIELD_LABELS.total, sfx), cs: s[0] },
          { t: L.of(FIELD_LABELS.fiscal, sfx), cs: s[1] },
          { t: L.of(FIELD_LABELS.other, sfx), cs: s[2] },
        ],
        [
          { t: F.T, cs: s[0] },
          { t: F.F, cs: s[1] },
          { t: F.O, cs: s[2] },
        ],
      ];
    }
  }
}

/** Fields as lines above a matrix-only table (`主管部门：X　　实施单位：Y`). */
function fieldParagraphs(p: AbsProject, c: Choices, L: Labels, rng: Rng): ParagraphBlock[] {
  const items = shortItems(p, c);
  const F = funds(p, c);
  const sfx = labelUnitSuffix(c);
  const gap = "　　";
  const lines: string[] = [L.inline(items[0].set, items[0].value)];
  const rest = items.slice(1);
  for (const ch of chunk(rest, rng.pick([1, 2]))) lines.push(ch.map((it) => L.inline(it.set, it.value)).join(gap));
  const fundsLine = [
    L.inline(FIELD_LABELS.total, F.T, sfx),
    L.inline(FIELD_LABELS.fiscal, F.F, sfx),
    L.inline(FIELD_LABELS.other, F.O, sfx),
  ].join(gap);
  // A line wrapped after its last colon: the value alone opens the next line.
  const colon = Math.max(fundsLine.lastIndexOf("："), fundsLine.lastIndexOf(":"));
  // Or inside the last label, before its unit (`其他资金` | `（元）：…`) or its colon.
  const unitAt = Math.max(fundsLine.lastIndexOf("（"), fundsLine.lastIndexOf("("));
  const inLabel = unitAt > fundsLine.lastIndexOf(gap) && unitAt < colon ? unitAt : colon;
  if (c.paragraphWrap === "atColon" && colon > 0 && fundsLine.slice(colon + 1).trim())
    lines.push(fundsLine.slice(0, colon + 1), fundsLine.slice(colon + 1));
  else if (c.paragraphWrap === "beforeColon" && inLabel > 0) lines.push(fundsLine.slice(0, inLabel), fundsLine.slice(inLabel));
  else lines.push(fundsLine);
  if (p.purpose) lines.push(L.inline(FIELD_LABELS.purpose, p.purpose.join("")));
  lines.push(L.inline(FIELD_LABELS.goal, p.goal[0]), ...p.goal.slice(1));
  return lines.map((text) => ({ type: "p", role: "text", text }));
}

function renderKv(doc: KvDoc, c: Choices, L: Labels, m: MatrixCtx): Block[] {
  const blocks: Block[] = [];
  const kinds = matrixKinds(c);
  for (const g of doc.groups) {
    blocks.push(...g.before.map(para));
    const ps = g.projects.map((i) => doc.projects[i]);
    const brkHere = doc.brk && g.projects.includes(doc.brk.project) ? doc.brk : null;
    if (c.fieldLayout === "paragraphs") {
      const p = ps[0];
      blocks.push(...fieldParagraphs(p, c, L, m.rng));
      const sheet = new Sheet(kinds.length);
      const mr = addMatrix(sheet, p.indicators, m, L, brkHere);
      blocks.push(...emit(sheet, "indicators", matrixWidths(layoutCols(kinds, sheet.width)), breakAt(brkHere, mr)));
      continue;
    }
    const two = c.tableSplit === "two";
    const after = afterNeed(c);
    const need = Math.max(...ps.map((p) => fieldsNeed(p, c)));
    const W = Math.max(kinds.length, need, after);
    const fieldsSheet = new Sheet(two ? Math.max(4, need) : W);
    const matrixSheet = two ? new Sheet(Math.max(kinds.length, after)) : fieldsSheet;
    let brk: ReturnType<typeof breakAt> = null;
    ps.forEach((p, k) => {
      const banner = g.banners[k];
      if (banner) {
        fieldsSheet.add([{ t: banner, cs: fieldsSheet.width }]);
        if (g.bannerUnit) fieldsSheet.add([{ t: g.bannerUnit, cs: fieldsSheet.width }]);
      }
      for (const r of fieldRows(p, c, L, fieldsSheet.width)) fieldsSheet.add(r);
      const split = brkHere && brkHere.project === g.projects[k] ? brkHere : null;
      const mr = addMatrix(matrixSheet, p.indicators, m, L, split);
      if (split) brk = breakAt(split, mr);
      if (c.goalPlace === "afterMatrix") for (const r of goalRows(p, c, L, matrixSheet.width)) matrixSheet.add(r);
      if (c.spendingPlan === "afterMatrix") for (const r of planRows(p, L, matrixSheet.width)) matrixSheet.add(r);
    });
    const widths = matrixWidths(layoutCols(kinds, matrixSheet.width));
    if (two) {
      blocks.push(table(whole(fieldsSheet), "project", Array(fieldsSheet.width).fill(1)), { type: "p", role: "blank", text: "" });
      blocks.push(...emit(matrixSheet, "indicators", widths, brk));
    } else blocks.push(...emit(matrixSheet, "project", widths, brk));
  }
  return blocks;
}

function breakAt(b: BreakPlan | null, mr: MatrixRows): { at: number; header: [number, number]; kind: BreakPlan["kind"] } | null {
  if (!b) return null;
  // headerCut: the break falls inside the header, after its first row (or two).
  if (b.kind === "headerCut") return { at: Math.min(mr.header[0] + b.nameCut, mr.header[1] - 1), header: mr.header, kind: b.kind };
  return { at: mr.rowOf[b.at] + (b.kind === "rowSplit" ? 1 : 0), header: mr.header, kind: b.kind };
}

// ------------------------------------------------------------------------------------------------ wide

function renderWide(doc: WideDoc, c: Choices, L: Labels, m: MatrixCtx): Block[] {
  const blocks: Block[] = [];
  const W = 8;
  const sfx = labelUnitSuffix(c);
  const indCols = layoutCols(["level1", "level2", "name", "number"], 4);
  const heads = [L.of(WIDE_LABELS.code), L.of(WIDE_LABELS.name), L.of(WIDE_LABELS.amount, sfx), L.of(WIDE_LABELS.goal)];
  const indHeads = indCols.map((x) => headerText(x.kind, c, L));
  const sum = (ps: number[]) => ps.reduce((s, i) => s + doc.projects[i].budget.total, 0);
  const blank4 = ["", "", "", ""];
  doc.tables.forEach((t) => {
    blocks.push(...t.before.map(para));
    const sheet = new Sheet(W);
    if (t.banner) {
      sheet.add([{ t: t.banner, cs: W }]);
      if (t.bannerUnit) sheet.add([{ t: t.bannerUnit, cs: W }]);
    }
    if (c.headerStyle === "groupTop") {
      sheet.add([...heads.map((h) => ({ t: h, rs: 2 })), { t: L.of(HEADER_LABELS.group), cs: 4 }], { header: true });
      sheet.add(indHeads, { header: true });
    } else sheet.add([...heads, ...indHeads], { header: true });
    for (const item of t.items) {
      if (item.kind === "total") sheet.add(["", "合计", amountText(sum(doc.projects.map((_, i) => i)), c), ...blank4, ""]);
      else if (item.kind === "unit") {
        const u = doc.units[item.unit];
        const members = doc.projects.flatMap((p, i) => (p.unitIndex === item.unit ? [i] : []));
        sheet.add([u.code, u.name, amountText(sum(members), c), ...blank4, ""]);
      } else {
        const p = doc.projects[item.project];
        const lrows = logicalRows(p.indicators.length, null);
        const body = bodyRows(p.indicators, lrows, indCols, m, null);
        const cells = ["", p.name, amountText(p.budget.total, c), p.goal.join("\n")];
        body.forEach((row, j) => {
          let lead: CellIn[];
          if (c.wideProjectCols === "repeated") lead = cells;
          else if (c.wideProjectCols === "once") lead = j === 0 ? cells : blank4;
          else lead = j === 0 ? cells.map((x) => ({ t: x, rs: lrows.length })) : [];
          sheet.add([...lead, ...row]);
        });
      }
    }
    const widths = [1.5, 3, 1.5, 4, ...matrixWidths(indCols)];
    blocks.push(table(whole(sheet), "indicators", widths));
  });
  return blocks;
}

// ------------------------------------------------------------------------------------------------ department

function deptBudgetRows(d: AbsDepartment, c: Choices, L: Labels, W: number): CellIn[][] {
  const A = (x: number | null) => (x === null ? "" : amountText(x, c));
  const sfx = labelUnitSuffix(c);
  const incomes = d.incomes.map((x) => ({ label: DEPT_LABELS[x.key], amount: A(x.amount) }));
  const rows: CellIn[][] = [];
  switch (c.deptBudget) {
    case "sideBySide": {
      const exp = [
        { label: DEPT_LABELS.basic, amount: A(d.basic) },
        { label: DEPT_LABELS.project, amount: A(d.project) },
      ];
      const n = Math.max(exp.length, incomes.length);
      const s = distribute(W - 1, 4);
      const total = c.deptTotal === "row";
      rows.push([
        { t: L.of(DEPT_LABELS.container), rs: 1 + n + (total ? 1 : 0) },
        { t: L.of(DEPT_LABELS.expenditureHead), cs: s[0] },
        { t: L.of(DEPT_LABELS.amountHead, sfx), cs: s[1] },
        { t: L.of(DEPT_LABELS.incomeHead), cs: s[2] },
        { t: L.of(DEPT_LABELS.amountHead, sfx), cs: s[3] },
      ]);
      for (let i = 0; i < n; i++) {
        const e = exp[i];
        const inc = incomes[i];
        rows.push([
          { t: e ? L.of(e.label) : "", cs: s[0] },
          { t: e ? e.amount : "", cs: s[1] },
          { t: inc ? L.of(inc.label) : "", cs: s[2] },
          { t: inc ? inc.amount : "", cs: s[3] },
        ]);
      }
      if (total)
        rows.push([
          { t: L.of(DEPT_LABELS.expenditureTotal), cs: s[0] },
          { t: A(d.total), cs: s[1] },
          { t: L.of(DEPT_LABELS.incomeTotal), cs: s[2] },
          { t: A(d.total), cs: s[3] },
        ]);
      return rows;
    }
    case "stacked":
    case "stackedPlain": {
      const grouped = c.deptBudget === "stacked";
      const vs = grouped ? W - 2 : W - 1;
      if (c.deptTotal === "row")
        rows.push([
          { t: L.of(DEPT_LABELS.expenditureTotal, sfx), cs: grouped ? 2 : 1 },
          { t: A(d.total), cs: vs },
        ]);
      incomes.forEach((x, i) => {
        const lead: CellIn[] = grouped && i === 0 ? [{ t: L.of(DEPT_LABELS.incomeGroup), rs: incomes.length }] : [];
        rows.push([...lead, L.of(x.label, sfx), { t: x.amount, cs: vs }]);
      });
      rows.push([
        ...(grouped ? [{ t: L.of(DEPT_LABELS.expenditureGroup), rs: 2 }] : []),
        L.of(DEPT_LABELS.basic, sfx),
        { t: A(d.basic), cs: vs },
      ]);
      rows.push([L.of(DEPT_LABELS.project, sfx), { t: A(d.project), cs: vs }]);
      return rows;
    }
    default: {
      const items = [
        ...(c.deptTotal === "row" ? [{ label: DEPT_LABELS.expenditureTotal, amount: A(d.total) }] : []),
        ...incomes,
        { label: DEPT_LABELS.basic, amount: A(d.basic) },
        { label: DEPT_LABELS.project, amount: A(d.project) },
      ];
      // Rows of labels as even as the width allows (5 items over 4 columns: 3 + 2, not 4 + 1).
      const rowsNeeded = Math.ceil(items.length / (W - 1));
      const chunks = chunk(items, Math.ceil(items.length / rowsNeeded));
      chunks.forEach((ch, k) => {
        const s = distribute(W - 1, ch.length);
        const lead: CellIn[] = k === 0 ? [{ t: L.of(DEPT_LABELS.container, sfx), rs: 2 * chunks.length }] : [];
        rows.push([...lead, ...ch.map((x, i) => ({ t: L.of(x.label), cs: s[i] }))]);
        rows.push(ch.map((x, i) => ({ t: x.amount, cs: s[i] })));
      });
      return rows;
    }
  }
}

function deptTaskRows(d: AbsDepartment, c: Choices, L: Labels, W: number): CellIn[][] {
  if (c.deptTasks === "none") return [];
  const A = (x: number | null) => (x === null ? "" : amountText(x, c));
  const sfx = labelUnitSuffix(c);
  const heads =
    c.deptTasks === "withProjects"
      ? [L.of(DEPT_LABELS.taskName), L.of(DEPT_LABELS.taskProject), L.of(DEPT_LABELS.taskContent), L.of(DEPT_LABELS.taskAmount, sfx)]
      : c.deptTasks === "noAmounts"
        ? [L.of(DEPT_LABELS.taskName), L.of(DEPT_LABELS.taskContent), L.of(DEPT_LABELS.taskGoal)]
        : [L.of(DEPT_LABELS.taskName), L.of(DEPT_LABELS.taskContent), L.of(DEPT_LABELS.taskAmount, sfx), L.of(DEPT_LABELS.taskGoal)];
  const s = distribute(W - 1, heads.length);
  const rows: CellIn[][] = [[{ t: d.taskGroup, rs: 1 + d.tasks.length }, ...heads.map((t, i) => ({ t, cs: s[i] }))]];
  for (const t of d.tasks) {
    const cells =
      c.deptTasks === "withProjects"
        ? [t.prefix + t.name, t.project, t.content, A(t.amount)]
        : c.deptTasks === "noAmounts"
          ? [t.prefix + t.name, t.content, t.goal ?? ""]
          : [t.prefix + t.name, t.content, A(t.amount), t.goal ?? ""];
    rows.push(cells.map((x, i) => ({ t: x, cs: s[i] })));
  }
  return rows;
}

function renderDept(doc: DeptDoc, c: Choices, L: Labels, m: MatrixCtx): Block[] {
  const d = doc.dept;
  const blocks: Block[] = doc.before.map(para);
  const kinds = matrixKinds(c);
  const two = c.tableSplit === "two";
  const W = two ? 5 : Math.max(kinds.length, 5);
  const sheet = new Sheet(W);
  sheet.add([L.of(DEPT_LABELS.name), { t: d.name, cs: W - 1 }]);
  if (c.deptStaff === "single") sheet.add([L.of(DEPT_LABELS.staff), { t: String(d.staff), cs: W - 1 }]);
  if (c.deptStaff === "pair")
    sheet.add([L.of(DEPT_LABELS.staff), String(d.staff), L.of(DEPT_LABELS.subunits), { t: String(d.subunits), cs: W - 3 }]);
  if (d.functions) sheet.add([L.of(DEPT_LABELS.functions), { t: d.functions, cs: W - 1 }]);
  for (const r of deptBudgetRows(d, c, L, W)) sheet.add(r);
  const goal = [L.of(DEPT_LABELS.goal), { t: d.goal.join("\n"), cs: W - 1 }];
  if (c.deptGoalPlace !== "afterTasks") sheet.add(goal);
  for (const r of deptTaskRows(d, c, L, W)) sheet.add(r);
  if (c.deptGoalPlace === "afterTasks") sheet.add(goal);
  const matrixSheet = two ? new Sheet(kinds.length) : sheet;
  const mr = addMatrix(matrixSheet, d.indicators, m, L, doc.brk);
  const widths = matrixWidths(layoutCols(kinds, matrixSheet.width));
  if (two) {
    blocks.push(table(whole(sheet), "department", Array(W).fill(1)), { type: "p", role: "blank", text: "" });
    blocks.push(...emit(matrixSheet, "indicators", widths, breakAt(doc.brk, mr)));
  } else blocks.push(...emit(sheet, "department", widths, breakAt(doc.brk, mr)));
  return blocks;
}

export function render(doc: AbsDoc, c: Choices, seed: number): Block[] {
  const rng = new Rng(seed, "render");
  const L = new Labels(rng, c);
  const m: MatrixCtx = { c, rng, memo: new Map() };
  if (doc.family === "wide") return renderWide(doc, c, L, m);
  if (doc.family === "department") return renderDept(doc, c, L, m);
  return renderKv(doc, c, L, m);
}

/**
 * A long side cell (description, basis) of a row cut by a page break: when the value is cut too (valueMode
 * "split"), a text of eight characters or more is cut between its printed lines like the value; otherwise it
 * stays whole above the break.
 */
function sidePart(text: string, part: 0 | 1 | 2, split: BreakPlan | null): string {
  if (part === 0) return text;
  const k = split?.valueMode === "split" && [...text].length >= 8 ? cutAt(text, 0.5) : null;
  if (k === null) return part === 1 ? text : "";
  return part === 1 ? text.slice(0, k) : text.slice(k);
}
