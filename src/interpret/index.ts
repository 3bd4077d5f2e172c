/**
 * The interpreter: grids → projects, departments and indicators, for every format. Each row is classified
 * (classify.ts) and handled by the handler of its kind; the reading state is one declared type (state.ts). Tables
 * are read by their labels and structure (docs/domain.md), never by positions: a project starts at a 项目名称 label, at
 * a title above its table or at a wide table's project cell; key–value rows fill its fields; a header starts a
 * matrix whose rows are read by column; a table with no header of its own continues the matrix before it. What the
 * interpreter could not place is reported (diagnostics.ts), never dropped in silence.
 */
import { toMatrix } from "../grid/matrix.ts";
import type { GridDocument, Table } from "../grid/types.ts";
import type { Department, Document, Project, Source, Target, TotalRow } from "../model/types.ts";
import { amountInWan, parseAmount } from "./amount.ts";
import { classifyRow, type RowKind } from "./classify.ts";
import { readContext } from "./context.ts";
import { finishDepartment, newDepartment, readDepartmentColumns, readDepartmentRow, readTaskRow } from "./department.ts";
import { reportDocument, reportTable } from "./diagnostics.ts";
import { scanRow, type FieldHit } from "./fields.ts";
import { hasIndicatorText, looksLikeIndicator, newFillState, readIndicatorRow } from "./matrix.ts";
import { refOf, slotAt, tableRows, type Slot } from "./rows.ts";
import { continueHeader, headerStub, placeStub, withStub, type MatrixMap } from "./header.ts";
import type { ReadingState, TableState } from "./state.ts";
import { joinLines, paragraphs } from "./text.ts";
import { parseValue } from "./value.ts";
import {
  AMOUNT_FIELDS,
  CHECKED_MARKS,
  DEPARTMENT_NAME,
  fieldOf,
  isDepartmentLabel,
  isTotalLabel,
  labelForm,
  PLAN_PERIOD,
  UNCHECKED_BOX,
  UNIT_CELL,
  UNIT_CELL_MAX_CHARS,
  unitInLabel,
  type FieldKey,
} from "./vocabulary.ts";

export function newProject(title: string | null, table: number): Project {
  return {
    title,
    name: null,
    code: null,
    department: null,
    unit: null,
    unitCode: null,
    category: null,
    period: null,
    office: null,
    budget: { total: null, fiscal: null, other: null, statedUnit: "万元" },
    purpose: null,
    goal: null,
    spendingPlan: null,
    indicators: [],
    sources: {},
    tables: [table],
  };
}

function newTableState(table: Table): TableState {
  return {
    index: table.index,
    ctx: readContext(table.context),
    ctxUsed: false,
    continues: false,
    beforeFirstBody: true,
    pending: [],
    plan: null,
    labelsAbove: null,
    tasks: null,
    columnUnits: new Map(),
    hasLabels: false,
    started: false,
    fieldsSinceHeader: false,
    unplaced: [],
    indicators: 0,
  };
}

type Handler = (kind: RowKind, table: Table, rows: Slot[][], r: number) => number;

class Reader {
  readonly s: ReadingState = {
    projects: [],
    departments: [],
    totals: [],
    warnings: [],
    diagnostics: [],
    longTerm: new Map(),
    orphans: new Set(),
    headers: [],
    entity: null,
    statedUnit: "万元",
    matrix: null,
    fill: newFillState(),
    lastIndicator: null,
    wideUnit: null,
    unitLine: null,
    openTotals: [],
    unitTotals: new Set(),
    wideProjects: new Set(),
    matrixStarts: [],
    unusedContext: null,
    headerStub: null,
    lastRowPage: null,
    table: newTableState({ index: -1, rows: 0, cols: 0, cells: [], context: [] }),
  };

  /** One handler per row kind; each returns how many rows it consumed. */
  private readonly handlers: Record<RowKind["kind"], Handler> = {
    blank: () => 1,
    planValues: (_k, table, rows, r) => this.planValues(table, rows[r]),
    header: (k, table) => this.header(k as Extract<RowKind, { kind: "header" }>, table),
    banner: (k) => this.banner(k as Extract<RowKind, { kind: "banner" }>),
    wide: (_k, table, rows, r) => this.wideRow(table, rows[r]),
    subHeader: (k) => {
      this.s.matrix = (k as Extract<RowKind, { kind: "subHeader" }>).map;
      return 1;
    },
    indicator: (_k, table, rows, r) => this.indicatorRow(table, rows[r], r),
    headerless: (k, table, rows, r) => {
      if (this.s.entity?.kind !== "department") this.ensureProject(table);
      this.s.matrix = {
        ...(k as Extract<RowKind, { kind: "headerless" }>).map,
        width: table.cols,
        bodyFrom: { table: table.index, row: r },
      };
      this.s.fill = newFillState();
      return this.indicatorRow(table, rows[r], r);
    },
    taskHeader: (k) => {
      this.s.table.tasks = (k as Extract<RowKind, { kind: "taskHeader" }>).map;
      this.s.table.hasLabels = true;
      return 1;
    },
    keyValue: (_k, table, rows, r) =>
      this.s.entity?.kind === "department" ? this.departmentRow(table, rows[r]) : this.keyValueRow(table, rows[r]),
    other: (_k, _table, rows, r) => {
      if (looksLikeIndicator(rows[r])) this.s.table.unplaced.push(rows[r]);
      this.s.matrix = null;
      return 1;
    },
  };

  table(table: Table): void {
    const s = this.s;
    const prevMatrix = s.matrix;
    s.table = newTableState(table);
    const t = s.table;
    // What stood above a table that held nothing of its own (a header's first row, left alone on a page by the
    // break) is the context of the table that goes on after it.
    const carried = s.unusedContext;
    s.unusedContext = null;
    if (carried && t.ctx.title === null && !t.ctx.fields.length) t.ctx = { ...carried, statedUnit: t.ctx.statedUnit ?? carried.statedUnit };
    const rows = tableRows(table);
    const grid = toMatrix(table);
    // A matrix carries over to the next table only when the columns line up and nothing above the table starts
    // something new (a title of its own).
    const m = prevMatrix;
    const ownStart = t.ctx.title !== null || t.ctx.fields.length > 0;
    if (m && m.width !== undefined && m.width !== table.cols && m.span !== table.cols && !ownStart) {
      // A reader that keeps only the columns some cell starts in (a name merged over two grid columns leaves one
      // empty) gives the continuation fewer columns: the same matrix, its columns renumbered.
      s.matrix =
        s.matrixStarts.length === table.cols
          ? renumbered(m, s.matrixStarts)
          : (widenedForSubHeader(m, rows[0] ?? [], table.cols) ?? spreadOver(m, s.matrixStarts, rows[0] ?? [], table.cols));
    } else if (m && ownStart) s.matrix = null;
    t.continues = s.matrix !== null;
    // A unit line (`563201某单位`, `单位名称：某单位`) names the unit of the projects that follow, until another one.
    if (t.ctx.unit) s.unitLine = { unit: t.ctx.unit, unitCode: t.ctx.unitCode };
    this.unitCells(rows);
    if (t.ctx.statedUnit) s.statedUnit = t.ctx.statedUnit;
    const isDepartment = rows.some((row) => row.some((x) => x.anchored && isDepartmentLabel(joinLines(x.cell.text))));
    if (isDepartment) this.startDepartment(table);

    for (let r = 0; r < rows.length; ) {
      const kind = classifyRow(table, rows, r, s, grid);
      r += Math.max(1, this.handlers[kind.kind](kind, table, rows, r));
    }
    // Body rows only: the fields above a matrix may use columns the indicators do not.
    const m2 = s.matrix;
    const body =
      m2?.header?.table === table.index
        ? rows.slice(m2.header.last + 1)
        : m2?.bodyFrom?.table === table.index
          ? rows.slice(m2.bodyFrom.row)
          : rows;
    s.matrixStarts = s.matrix ? startColumns(body) : [];
    if (s.entity?.kind === "department" && s.entity.d.tables[0] === table.index) finishDepartment(s.entity.d);
    if (!t.hasLabels && s.entity && !t.continues && !t.indicators)
      this.s.warnings.push(`table ${table.index + 1}: no performance-table labels found`);
    if (!t.ctxUsed && !t.started && !t.indicators && !t.hasLabels && (t.ctx.title !== null || t.ctx.fields.length)) s.unusedContext = t.ctx;
    // A table ending in a header's first rows (the break cut the header): they name columns of the next table.
    const lastRow = [...rows].reverse().find((row) => row.some((x) => x.anchored && joinLines(x.cell.text)));
    const stubCols = lastRow ? headerStub(lastRow) : null;
    s.headerStub = stubCols ? { width: table.cols, stub: stubCols } : null;
    reportTable(s, table);
  }

  /** `单位：万元` in a cell of its own anywhere in the table: the unit its amounts are stated in. */
  private unitCells(rows: Slot[][]): void {
    const t = this.s.table;
    if (t.ctx.statedUnit) return;
    for (const row of rows) {
      for (const x of row) {
        const text = joinLines(x.cell.text);
        if (x.anchored && text.length <= UNIT_CELL_MAX_CHARS && UNIT_CELL.test(text)) {
          t.ctx = { ...t.ctx, statedUnit: readContext([text]).statedUnit };
          return;
        }
      }
    }
  }

  // ───────────────────────── handlers ─────────────────────────

  private header(k: Extract<RowKind, { kind: "header" }>, table: Table): number {
    const s = this.s;
    const t = s.table;
    const prev = s.matrix;
    // The first rows of this header may have stayed at the bottom of the page before.
    const stub = s.headerStub;
    s.headerStub = null;
    const placed = stub && t.beforeFirstBody ? placeStub(stub.stub, stub.width, table.cols) : null;
    const map = placed ? withStub(k.map, placed) : k.map;
    // The same header again, with nothing but indicators since (a page repeating its header row): the matrix goes
    // on, and so do the level labels carried down its merged cells.
    const repeat =
      prev &&
      prev.header &&
      map.header &&
      prev.header.signature === map.header.signature &&
      !t.fieldsSinceHeader &&
      !!prev.longTerm === !!map.longTerm;
    const wide = map.fieldCols.name !== undefined;
    if (!repeat && !wide && s.entity?.kind !== "department") this.ensureProject(table);
    s.matrix = map;
    t.fieldsSinceHeader = false;
    t.hasLabels = true;
    if (repeat) {
      map.reads = prev.reads;
      t.beforeFirstBody = t.continues;
      return k.rows;
    }
    map.reads = { count: 0, table: table.index, row: map.header?.first ?? 0 };
    s.headers.push(map.reads);
    s.fill = newFillState();
    t.continues = false;
    return k.rows;
  }

  private banner(k: Extract<RowKind, { kind: "banner" }>): number {
    const s = this.s;
    const t = s.table;
    if (k.title) {
      if (t.started || t.ctxUsed || t.indicators > 0) {
        // A title below a project in the same table (or below the rows a page break carried over): projects
        // stacked in one sheet. It opens the next project.
        t.ctx = { ...readContext([]), title: k.title, unit: t.ctx.unit, unitCode: t.ctx.unitCode };
        t.ctxUsed = false;
        s.entity = null;
        s.matrix = null;
      } else {
        if (!t.ctx.title) t.ctx = { ...t.ctx, title: k.title };
        // A title opening the table: what follows is its own, not the matrix of the table before it.
        if (t.continues) {
          s.matrix = null;
          t.continues = false;
        }
      }
    }
    if (k.statedUnit) {
      s.statedUnit = k.statedUnit;
      if (!t.ctx.statedUnit) t.ctx = { ...t.ctx, statedUnit: k.statedUnit };
    }
    return 1;
  }

  private indicatorRow(table: Table, row: Slot[], r: number): number {
    const s = this.s;
    const t = s.table;
    const map = s.matrix!;
    // A row cut by a page break: the first row of the continuing table (or, where a backend joined the table over
    // the break, the first row on the new page) holds the rest of the last indicator's name or value, beside blank
    // level cells.
    const page = row.find((x) => x.anchored && x.cell.page !== undefined)?.cell.page;
    const opensPage = page !== undefined && s.lastRowPage !== null && page > s.lastRowPage;
    if (page !== undefined) s.lastRowPage = page;
    if (s.lastIndicator && ((t.continues && t.beforeFirstBody) || opensPage) && this.joinsSplitRow(table, row, r)) {
      t.beforeFirstBody = false;
      this.entityIndicators(table); // the table goes on with the entity: fields after the matrix are still its
      return 1;
    }
    const { indicator } = readIndicatorRow(table, row, r, map, s.fill);
    if (hasIndicatorText(row, map)) t.beforeFirstBody = false;
    if (!indicator) return 1;
    t.indicators++;
    if (map.reads) map.reads.count++;
    s.lastIndicator = indicator;
    if (map.longTerm && s.entity?.kind === "project") {
      const p = s.entity.p;
      s.longTerm.set(p, [...(s.longTerm.get(p) ?? []), indicator]);
      return 1;
    }
    this.entityIndicators(table).push(indicator);
    return 1;
  }

  /**
   * The rest of a split row: level cells blank, and either only one of name and value printed, or the last indicator
   * ended without a value (its value went over the break with the rest of the name). Appends it; false otherwise.
   */
  private joinsSplitRow(table: Table, row: Slot[], r: number): boolean {
    const map = this.s.matrix!;
    const text = (c: "level1" | "level2") => {
      const col = map.cols[c];
      const x = col === undefined ? undefined : slotAt(row, col);
      return x ? joinLines(x.cell.text) : "";
    };
    if (text("level1") || text("level2")) return false;
    const rest = readIndicatorRow(table, row, r, map, newFillState()).indicator;
    const last = this.s.lastIndicator!;
    // The longer side cells go over the break too (`情况` under 绩效指标描述, `酌情扣分` under 评分标准).
    const sides = () => {
      let joined = false;
      for (const c of ["description", "basis"] as const) {
        const col = map.cols[c];
        const x = col === undefined ? undefined : slotAt(row, col);
        const more = x && x.anchored ? joinLines(x.cell.text) : "";
        if (!more || last[c] === undefined) continue;
        last[c] = (last[c] ?? "") + more;
        joined = true;
      }
      return joined;
    };
    if (!rest) return sides();
    const partial = !rest.name !== !rest.value;
    if (!partial && !(last.value === "" && rest.name && rest.value) && !completesValue(last.value, rest.value)) return false;
    last.name += rest.name;
    sides();
    if (last.value === "") {
      last.value = rest.value;
      last.target = rest.target;
      last.at.value = rest.at.value;
    } else if (rest.value) {
      last.value += rest.value;
      last.target = parseValue(last.value);
    }
    return true;
  }

  private entityIndicators(table: Table) {
    const s = this.s;
    if (!s.entity) this.ensureProject(table);
    const e = s.entity!;
    const tables = e.kind === "project" ? e.p.tables : e.d.tables;
    if (!tables.includes(table.index)) tables.push(table.index);
    return e.kind === "project" ? e.p.indicators : e.d.indicators;
  }

  private ensureProject(table: Table): Project {
    const s = this.s;
    const t = s.table;
    // A 项目名称：… line or a title above this table opens a project of its own (fields printed as text, matrix-only tables).
    const opens =
      !t.ctxUsed &&
      (t.ctx.fields.some((f) => f.key === "name") ||
        (t.ctx.title !== null && s.entity?.kind === "project" && s.entity.p.indicators.length > 0));
    if (s.entity?.kind === "project" && !opens) {
      if (!s.entity.p.tables.includes(table.index)) s.entity.p.tables.push(table.index);
      return s.entity.p;
    }
    return this.startProject(table);
  }

  private startProject(table: Table): Project {
    const s = this.s;
    const t = s.table;
    const p = newProject(t.ctxUsed ? null : t.ctx.title, table.index);
    // The unit line above a table (`563201某单位`) names the unit of every project the table holds.
    p.unitCode = s.unitLine?.unitCode ?? null;
    p.unit = s.unitLine?.unit ?? null;
    p.budget.statedUnit = s.statedUnit; // before the fields: `项目资金（元）：…` above the table states its own
    if (!t.ctxUsed) {
      for (const f of t.ctx.fields) {
        if (f.key === "unit" && p.unit !== null) continue; // the unit line above the table (563201…) already gave it
        this.setField(p, f.key, f.raw, f.label);
      }
    }
    // Nothing above the table named it: if no field of its own follows, its indicators belong to no known project.
    if (!p.title && !t.ctx.fields.length) s.orphans.add(p);
    t.ctxUsed = true;
    t.started = true;
    s.projects.push(p);
    s.entity = { kind: "project", p };
    s.matrix = null;
    s.lastIndicator = null;
    return p;
  }

  private keyValueRow(table: Table, row: Slot[]): number {
    const s = this.s;
    const t = s.table;
    const { hits, pending } = scanRow(row, t.pending);
    t.pending = pending;
    t.hasLabels = true;
    t.fieldsSinceHeader = true;
    s.matrix = null;
    if (!hits.length) {
      // A 资金支出计划 label with no value cell: its period labels may stand in this row.
      const planHit = pending.find((x) => x.key === "spendingPlan");
      if (planHit) t.plan = this.planLabels(row, planHit.label);
      return 1;
    }
    const p = this.projectFor(table, hits);
    // A unit named by a container label in the row (`项目资金（元） | 年度资金总额：… 财政拨款：…`) applies to its amounts.
    const values = new Set(hits.map((h) => h.value?.cell));
    const container = row.find((x) => !values.has(x.cell) && unitInLabel(x.cell.text));
    const rowUnit = container ? unitInLabel(container.cell.text) : null;
    for (const h of hits) {
      if (h.key === "spendingPlan") {
        t.plan = this.planLabels(row, h.label);
        continue;
      }
      this.assign(p, table, h, rowUnit);
    }
    const planHit = pending.find((x) => x.key === "spendingPlan");
    if (planHit) t.plan = this.planLabels(row, planHit.label);
    return 1;
  }

  /**
   * The project these key–value hits belong to. A new one starts at a second 项目名称, at a field the current
   * project already has (the next project's rows), or at the first fields of a new table once the current project
   * has indicators; fields after the matrix in the same table (a goal or plan row below the indicators) stay with it.
   */
  private projectFor(table: Table, hits: FieldHit[]): Project {
    const s = this.s;
    const cur = s.entity?.kind === "project" ? s.entity.p : null;
    const filled = (key: FieldKey) => !!cur && !!cur.sources[key] && !!joinLines(cur.sources[key].raw);
    const continuing = (h: FieldHit) => (h.key === "goal" || h.key === "purpose") && !h.label.anchored;
    const startsNew =
      !cur ||
      (hits.some((h) => h.key === "name") && (cur.name !== null || cur.indicators.length > 0)) ||
      hits.some((h) => !continuing(h) && filled(h.key)) ||
      (cur.indicators.length > 0 && !cur.tables.includes(table.index));
    if (startsNew) return this.startProject(table);
    if (!cur.tables.includes(table.index)) cur.tables.push(table.index);
    return cur;
  }

  private assign(p: Project, table: Table, h: FieldHit, rowUnit: "万元" | "元" | null = null): void {
    const cell = h.value?.cell ?? h.label.cell;
    const raw = h.inline ?? (h.value ? h.value.cell.text : "");
    const key = h.key;
    // A goal label spanning several rows (`绩效目标` beside 目标1：… / 目标2：…): the later rows go on with the goal.
    if ((key === "goal" || key === "purpose") && !h.label.anchored && h.value && p[key] !== null && p.sources[key]) {
      const more = paragraphs(h.value.cell.text);
      if (more) {
        p[key] = `${p[key]}\n${more}`;
        p.sources[key].raw += `\n${joinLines(h.value.cell.text)}`;
      }
      return;
    }
    if (p.sources[key] && joinLines(p.sources[key].raw)) return; // first printed value wins
    p.sources[key] = { raw: joinLines(raw), at: refOf(table, cell) };
    this.setField(p, key, raw, h.label.cell.text, rowUnit);
  }

  private setField(p: Project, key: FieldKey, raw: string, labelText: string, rowUnit: "万元" | "元" | null = null): void {
    if (AMOUNT_FIELDS.has(key)) {
      const labelUnit = unitInLabel(labelText) ?? rowUnit;
      const amount = amountInWan(raw, labelUnit, this.s.statedUnit);
      const part = key.slice("budget.".length) as "total" | "fiscal" | "other";
      p.budget[part] = amount;
      // `预算数（元）`: the table states its budget in the unit its label names.
      if (part === "total" && labelUnit) p.budget.statedUnit = labelUnit;
      return;
    }
    const text = key === "goal" || key === "purpose" ? paragraphs(raw) : checkedOption(joinLines(raw));
    const value = text || null;
    switch (key as Exclude<FieldKey, "budget.total" | "budget.fiscal" | "budget.other" | "spendingPlan">) {
      case "unit": {
        const m = value?.match(/^(\d{6,12})\s*[-－—:：]?\s*(.+)$/);
        if (m) {
          p.unit = m[2];
          p.unitCode ??= m[1];
        } else p.unit = value;
        break;
      }
      case "name":
      case "code":
      case "department":
      case "unitCode":
      case "category":
      case "period":
      case "office":
      case "purpose":
      case "goal":
        p[key as "name"] = value;
        break;
    }
  }

  /** Period labels (3月底, 6月底, 第一季度 …) to the right of a 资金支出计划 label, or in its own cell rows. */
  private planLabels(row: Slot[], label: Slot): { label: string; col: number }[] | null {
    const out = row
      .filter((x) => x.col >= label.colEnd && x.anchored)
      .map((x) => ({ label: joinLines(x.cell.text), col: x.col }))
      .filter((x) => PLAN_PERIOD.test(x.label.replace(/\s+/g, "")));
    return out.length ? out : null;
  }

  private planValues(table: Table, row: Slot[]): number {
    const s = this.s;
    const plan = s.table.plan!;
    s.table.plan = null;
    const p = s.entity?.kind === "project" ? s.entity.p : null;
    if (!p) return 1;
    p.spendingPlan = plan.map(({ label, col }) => {
      const x = slotAt(row, col);
      const raw = x && x.anchored ? joinLines(x.cell.text) : "";
      const n = parseAmount(raw.replace(/[%％]$/, ""));
      return { label, percent: n, raw, at: x ? refOf(table, x.cell) : null };
    });
    return 1;
  }

  /**
   * A row of a wide table. Every anchored project-name cell starts a project (unless it repeats the current
   * project's name: a table that repeats the project columns on every row); a name cell with no indicator beside
   * it and no rows under it is a unit row; a 合计 row is a total. Indicators are read alongside.
   */
  private wideRow(table: Table, row: Slot[]): number {
    const s = this.s;
    const map = s.matrix!;
    const fieldSlot = (k: FieldKey) => (map.fieldCols[k] === undefined ? undefined : slotAt(row, map.fieldCols[k]!));
    const nameSlot = fieldSlot("name");
    const totalSlot = row.find(
      (x) => x.anchored && x.col < (map.cols.level1 ?? map.cols.level2 ?? Infinity) && isTotalLabel(joinLines(x.cell.text)),
    );
    const amountOf = (x: Slot | undefined) => {
      if (!x || !x.anchored) return { amount: null as number | null, raw: "" };
      const raw = joinLines(x.cell.text);
      return { amount: amountInWan(raw, map.headerUnits["budget.total"] ?? null, s.statedUnit), raw };
    };
    if (totalSlot) {
      const amountSlot = fieldSlot("budget.total");
      const { amount, raw } = amountOf(amountSlot);
      const total: TotalRow = {
        label: joinLines(totalSlot.cell.text),
        amount,
        raw,
        at: refOf(table, (amountSlot ?? totalSlot).cell),
        members: [],
      };
      s.totals.push(total);
      // After projects that no total has claimed yet, the row totals them; before any, it totals those to come.
      const unclaimed = this.unclaimedProjects();
      if (unclaimed.length) total.members.push(...unclaimed);
      else s.openTotals.push(total);
      s.entity = null;
      return 1;
    }
    const cur = s.entity?.kind === "project" ? s.entity.p : null;
    if (nameSlot && nameSlot.anchored && joinLines(nameSlot.cell.text)) {
      const name = joinLines(nameSlot.cell.text);
      const codeSlot = fieldSlot("unitCode");
      const code = codeSlot && codeSlot.anchored ? joinLines(codeSlot.cell.text) : "";
      const repeated = cur !== null && cur.name === name && (cur.code ?? "") === code && nameSlot.cell.rowspan === 1;
      if (!repeated) {
        if (!hasIndicatorText(row, map) && nameSlot.cell.rowspan === 1) {
          // A unit row: the unit's code, name and total; the projects under it follow.
          const amountSlot = fieldSlot("budget.total");
          const { amount, raw } = amountOf(amountSlot);
          s.wideUnit = { code, name };
          const total: TotalRow = { label: name, amount, raw, at: refOf(table, (amountSlot ?? nameSlot).cell), members: [] };
          s.totals.push(total);
          s.openTotals = s.openTotals.filter((x) => !s.unitTotals.has(x));
          s.unitTotals.add(total);
          s.openTotals.push(total);
          s.entity = null;
          return 1;
        }
        this.startWideProject(table, row, map, code);
      }
    }
    if (s.entity?.kind !== "project") {
      if (hasIndicatorText(row, map)) s.table.unplaced.push(row);
      return 1;
    }
    const { indicator } = readIndicatorRow(table, row, 0, map, s.fill);
    if (indicator) {
      s.entity.p.indicators.push(indicator);
      s.table.indicators++;
      if (map.reads) map.reads.count++;
      s.lastIndicator = indicator;
    }
    return 1;
  }

  /**
   * Wide-table projects that no 合计 row lists yet, in this table or the ones before it (one table per project
   * with the 合计 under the last).
   */
  private unclaimedProjects(): number[] {
    const s = this.s;
    const claimed = new Set(s.totals.filter((x) => !s.unitTotals.has(x)).flatMap((x) => x.members));
    const out: number[] = [];
    s.projects.forEach((p, i) => {
      if (s.wideProjects.has(p) && !claimed.has(i)) out.push(i);
    });
    return out;
  }

  private startWideProject(table: Table, row: Slot[], map: NonNullable<ReadingState["matrix"]>, code: string): void {
    const s = this.s;
    const t = s.table;
    const p = newProject(t.ctxUsed ? null : t.ctx.title, table.index);
    t.ctxUsed = true;
    t.started = true;
    p.budget.statedUnit = map.headerUnits["budget.total"] ?? s.statedUnit;
    p.unit = s.wideUnit?.name ?? s.unitLine?.unit ?? null;
    p.unitCode = s.wideUnit ? s.wideUnit.code : (s.unitLine?.unitCode ?? null);
    for (const [k, col] of Object.entries(map.fieldCols) as [FieldKey, number][]) {
      const x = slotAt(row, col);
      if (!x || !x.anchored) continue;
      if ((k === "unitCode" || k === "unit") && !joinLines(x.cell.text)) continue; // inherited from the unit row
      if (k === "unitCode" && code) {
        p.code = code; // on a project row the code column holds the project's code
        p.sources.code = { raw: code, at: refOf(table, x.cell) };
        continue;
      }
      this.assign(p, table, { key: k, label: x, value: x }, map.headerUnits[k] ?? null);
    }
    s.projects.push(p);
    s.wideProjects.add(p);
    for (const total of s.openTotals) total.members.push(s.projects.length - 1);
    s.entity = { kind: "project", p };
    s.fill = newFillState();
    s.lastIndicator = null;
  }

  // ───────────────────────── department tables ─────────────────────────

  private startDepartment(table: Table): void {
    const s = this.s;
    const d = newDepartment(s.table.ctx.title, table.index);
    d.budget.statedUnit = s.statedUnit;
    s.departments.push(d);
    s.entity = { kind: "department", d };
    s.matrix = null;
    s.table.started = true;
    s.table.ctxUsed = true;
  }

  /** A row of a department table that is no matrix row: a task, the name or goal, budget lines. */
  private departmentRow(table: Table, row: Slot[]): number {
    const s = this.s;
    const t = s.table;
    const d = (s.entity as { kind: "department"; d: Department }).d;
    const above = t.labelsAbove;
    t.labelsAbove = null;
    s.matrix = null;
    t.hasLabels = true;
    if (t.tasks) {
      const task = readTaskRow(table, row, t.tasks, s.statedUnit);
      if (task) {
        d.tasks.push(task);
        return 1;
      }
      t.tasks = null;
    }
    // Name and goal rows use the ordinary labels.
    const anchored = row.filter((x) => x.anchored);
    for (let i = 0; i < anchored.length; i++) {
      const text = joinLines(anchored[i].cell.text);
      const key = fieldOf(text) ?? (DEPARTMENT_NAME.test(labelForm(text)) ? "department" : null);
      const next = anchored[i + 1];
      if (!key || !next) continue;
      if (key === "department" || key === "unit" || key === "name") {
        if (d.name === null) {
          d.name = joinLines(next.cell.text) || null;
          d.sources.name = { raw: joinLines(next.cell.text), at: refOf(table, next.cell) };
        }
        i++;
      } else if (key === "goal") {
        if (d.goal === null) {
          d.goal = paragraphs(next.cell.text) || null;
          d.sources.goal = { raw: joinLines(next.cell.text), at: refOf(table, next.cell) };
        }
        i++;
      }
    }
    if (above && readDepartmentColumns(d, table, above, row, s.statedUnit)) return 1;
    // A row of column headings naming a unit (`部门预算支出 | 预算金额（元） | 收入来源 | 预算金额（元）`): the figures
    // below each heading are in its unit.
    const units = anchored.filter((x) => unitInLabel(x.cell.text) && !/\d/.test(x.cell.text.replace(/[(（][^)）]*[)）]/g, "")));
    if (units.length && anchored.every((x) => !/\d/.test(x.cell.text.replace(/[(（][^)）]*[)）]/g, "")))) {
      for (const x of units) for (let c = x.col; c < x.colEnd; c++) t.columnUnits.set(c, unitInLabel(x.cell.text)!);
    }
    // A row that pairs nothing may be the labels of the row below (labels over figures).
    t.labelsAbove = readDepartmentRow(d, table, row, s.statedUnit, (c) => t.columnUnits.get(c) ?? null) ? null : row;
    return 1;
  }

  /** A project whose only matrix was the long-term one keeps those rows as its indicators. */
  finish(): void {
    for (const [p, rows] of this.s.longTerm) if (p.indicators.length === 0) p.indicators.push(...rows);
  }
}

/**
 * A field printed as check boxes (`新增项目□　延续项目√`, `☑新增项目 □延续项目`): the one ticked option. Text
 * without an empty box, or with no single ticked option, is kept as printed.
 */
export function checkedOption(text: string): string {
  if (!UNCHECKED_BOX.test(text)) return text;
  // Boxes stand either all before their options (`☑新增项目 □延续项目`) or all after them (`新增项目□ 延续项目√`):
  // the first character says which.
  const marksFirst = UNCHECKED_BOX.test(text.trim()[0] ?? "") || CHECKED_MARKS.includes(text.trim()[0] ?? "");
  const re = marksFirst
    ? new RegExp(`[${CHECKED_MARKS}]\\s*([\\u3400-\\u9fff]+)`, "g")
    : new RegExp(`([\\u3400-\\u9fff]+)\\s*[${CHECKED_MARKS}]`, "g");
  const ticked = [...text.matchAll(re)].map((m) => m[1]);
  return ticked.length === 1 ? ticked[0] : text;
}

/** Read a document's grids as performance tables. */
export function interpret(grid: GridDocument, source: Source): Document {
  const reader = new Reader();
  for (const table of grid.tables) reader.table(table);
  reader.finish();
  const s = reader.s;
  // A project with neither a name nor indicators is noise (a stray label table).
  const projects = s.projects.filter((p) => p.name !== null || p.indicators.length > 0);
  const remap = new Map(s.projects.map((p, i) => [i, projects.indexOf(p)]));
  for (const t of s.totals) t.members = t.members.map((m) => remap.get(m)!).filter((m) => m >= 0);
  const diagnostics = [
    ...grid.warnings.map((w) => ({ code: "backend-warning" as const, message: w, project: null, at: [] })),
    ...s.diagnostics
      .map((d) => (d.project === null ? d : { ...d, project: remap.get(d.project) ?? null }))
      .filter((d) => d.project === null || d.project >= 0),
    ...reportDocument(grid, projects, s),
  ];
  return {
    source,
    projects,
    departments: s.departments,
    totals: s.totals,
    warnings: [...grid.warnings, ...s.warnings, ...diagnostics.filter((d) => d.code !== "backend-warning").map((d) => d.message)],
    diagnostics,
  };
}

/**
 * A value cut by a page break: one half alone is not a value the grammar reads (`80％-`, `不低于`, `个`) but the two
 * together are (`80％-100％`, `不低于220场次`). A new indicator's own value never needs the previous one to be read.
 */
function completesValue(first: string, second: string): boolean {
  if (!first || !second) return false;
  const a = parseValue(first);
  const joined = parseValue(first + second);
  if (joined.kind === "unparsed") return false;
  // The first half cut before its number (`不低于`, `80％-`), or a number without a unit or a date cut before its
  // day (`≥2300` + `个`, `2023年12月` + `31日前`). A worded value (`明显改善`) or a number with its unit is whole:
  // what follows is a new row.
  // The first half must add to the second: `绩效目标` + `≥170份` reads as `≥170份` alone, so it is a new row.
  if (a.kind === "unparsed") return !sameReading(joined, parseValue(second));
  if (parseValue(second).kind !== "unparsed") return false;
  // A quantity whose unit turns out to be the start of a period (`3个` + `月内` → a duration) reads as another kind.
  if (a.kind === "quantity")
    return (a.unit === null && joined.kind === "quantity") || (joined.kind !== "quantity" && joined.kind !== "qualitative");
  return a.kind === "date" && joined.kind === "date";
}

/** Two readings that say the same target, whatever words printed it. */
function sameReading(x: Target, y: Target): boolean {
  const strip = (t: Target) => JSON.stringify(t, (k, v) => (k === "text" ? undefined : v));
  return strip(x) === strip(y);
}

/** The grid columns some cell of these rows starts in, in order. */
function startColumns(rows: Slot[][]): number[] {
  const cols = new Set<number>();
  // Cells reaching down into these rows count too (a container label merged beside the body).
  for (const row of rows) for (const x of row) cols.add(x.cell.col);
  return [...cols].sort((a, b) => a - b);
}

/** The same matrix in a table `width` columns wide, each of its grid columns moved by `to`. */
function withColumns(m: MatrixMap, to: (c: number) => number, width: number): MatrixMap {
  const mapAll = <K extends string>(o: Partial<Record<K, number>>) =>
    Object.fromEntries(Object.entries(o).map(([k, c]) => [k, to(c as number)])) as Partial<Record<K, number>>;
  return { ...m, cols: mapAll(m.cols), fieldCols: mapAll(m.fieldCols), width, span: undefined };
}

/** Index in `used` (ascending grid columns) of the column `c` lies in. */
function usedIndex(used: number[], c: number): number {
  let k = 0;
  while (k + 1 < used.length && used[k + 1] <= c) k++;
  return k;
}

/** A matrix read in a table whose used columns were `starts`, for a table that holds only those columns. */
function renumbered(m: MatrixMap, starts: number[]): MatrixMap {
  return withColumns(m, (c) => usedIndex(starts, c), starts.length);
}

/**
 * A header cut by a page break whose last row (`计算符号 | 指标值 | 计量单位`) opens the next table: that row splits
 * the value column the page before had as one, so the continuation is wider. The matrix with the columns after the
 * value column moved right by the split; the sub-header row then names the new columns. Null when the first row
 * is no such row or does not start at the value column.
 */
function widenedForSubHeader(m: MatrixMap, first: Slot[], cols: number): MatrixMap | null {
  const v = m.cols.value;
  if (v === undefined || m.width === undefined || cols <= m.width) return null;
  const delta = cols - m.width;
  const moved = withColumns(m, (c) => (c > v ? c + delta : c), cols);
  const filled = first.filter((x) => x.anchored && joinLines(x.cell.text));
  return continueHeader(first, moved) && filled[0]?.col === v ? moved : null;
}

/**
 * A continuation of another width whose first row has exactly one cell per column the matrix's body used (the
 * other table merged what this one splits, or rows elsewhere use more columns): the i-th of those columns is that
 * row's i-th cell.
 */
function spreadOver(m: MatrixMap, used: number[], first: Slot[], cols: number): MatrixMap | null {
  if (m.width === undefined || !used.length) return null;
  const starts = first.filter((x) => x.anchored).map((x) => x.col);
  if (starts.length !== used.length) return null;
  return withColumns(m, (c) => starts[usedIndex(used, c)], cols);
}
