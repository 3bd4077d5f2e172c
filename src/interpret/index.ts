/**
 * The interpreter: grids → projects, departments and indicators, for every format. It reads tables by their
 * labels and structure (DOMAIN.md), never by positions: a project starts at a 项目名称 label, key–value rows
 * fill its fields, an indicator header starts a matrix whose rows become indicators, a table with no labels
 * of its own continues the matrix of the table before it.
 */
import type { GridDocument, Table } from "../grid/types.ts";
import type { Department, Document, Project, Source, TotalRow } from "../model/types.ts";
import { amountInWan, parseAmount } from "./amount.ts";
import { readContext } from "./context.ts";
import { newDepartment, readDepartmentColumns, readDepartmentRow, readTaskHeader, readTaskRow, round, type TaskMap } from "./department.ts";
import { labelOfSlot, scanRow, type FieldHit, type PendingLabels } from "./fields.ts";
import { headerSpan, inferMatrixFromRow, newFillState, readIndicatorHeader, readIndicatorRow, readSubHeader, type FillState, type MatrixMap } from "./indicators.ts";
import { AMOUNT_FIELDS, fieldOf, isDepartmentLabel, isTotalLabel, type FieldKey } from "./labels.ts";
import { refOf, slotAt, tableRows, type Slot } from "./rows.ts";
import { joinLines, labelForm, paragraphs, unitInLabel } from "./text.ts";

type Unit = "万元" | "元";

function newProject(title: string | null, table: number): Project {
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

/** Reading state that carries from table to table. */
class Reader {
  readonly projects: Project[] = [];
  readonly departments: Department[] = [];
  readonly totals: TotalRow[] = [];
  readonly warnings: string[] = [];
  current: { kind: "project"; p: Project } | { kind: "department"; d: Department } | null = null;
  statedUnit: Unit = "万元";
  matrix: MatrixMap | null = null;
  fill: FillState = newFillState();
  /** Project fields seen in the context of the current table, applied to the project it starts. */
  ctx = readContext([]);
  ctxUsed = false;

  table(table: Table): void {
    this.ctx = readContext(table.context);
    this.ctxUsed = false;
    const rows = tableRows(table);
    // A matrix carries over to the next table only when the columns line up.
    const m = this.matrix;
    if (m && m.width !== undefined && m.width !== table.cols && m.span !== table.cols) this.matrix = null;
    this.readBanner(rows);
    if (this.ctx.statedUnit) this.statedUnit = this.ctx.statedUnit;
    const isDepartment = rows.some((row) => row.some((s) => s.anchored && isDepartmentLabel(joinLines(s.cell.text))));
    if (isDepartment) return this.departmentTable(table, rows);

    let pending: PendingLabels = [];
    let plan: { label: string; col: number }[] | null = null;
    let planRef: Slot | null = null;
    let tableHasLabels = false;
    let stacked = false; // a title or unit row of a project stacked below an earlier one was read
    rows.forEach((row, r) => {
      if (!row.length) return;
      if (plan) {
        this.readPlanValues(table, row, plan);
        plan = null;
        return;
      }
      if ((this.ctxUsed || stacked) && this.stackedBanner(row)) {
        stacked = true;
        return;
      }
      // A second header row right under the matrix header names sub-columns; it is no header of its own.
      if (this.matrix && readSubHeader(table, row, r, this.matrix)) return;
      const header = readIndicatorHeader(row, (t) => unitInLabel(t));
      const inferred = !header && !this.matrix ? inferMatrixFromRow(row) : null;
      if (inferred) {
        this.matrix = { ...inferred, width: table.cols };
        this.fill = newFillState();
        if (this.current?.kind !== "department") this.ensureProject(table);
      }
      if (header) {
        this.matrix = { ...header, width: table.cols, span: headerSpan(row), header: { table: table.index, row: r, slots: row } };
        this.fill = newFillState();
        tableHasLabels = true;
        if (!this.isWide() && this.current?.kind !== "department") this.ensureProject(table);
        return;
      }
      if (this.matrix && this.isWide()) return this.wideRow(table, row);
      const leading = row.find((s) => s.anchored && joinLines(s.cell.text));
      const leadsWithLabel = !!leading && !!labelOfSlot(leading);
      if (this.matrix && !leadsWithLabel && !(r === 0 && !this.current)) {
        const { indicator, end } = readIndicatorRow(table, row, r, this.matrix, this.fill);
        const longTerm = this.matrix.longTerm === true;
        if (end) this.matrix = null;
        if (indicator && longTerm && this.current?.kind === "project") {
          const p = this.current.p;
          this.longTerm.set(p, [...(this.longTerm.get(p) ?? []), indicator]);
        } else if (indicator) this.entityIndicators(table)?.push(indicator);
        return;
      }
      // Key–value rows.
      const { hits, pending: next } = scanRow(row, pending);
      pending = next;
      if (!hits.length && !next.length) return;
      tableHasLabels = true;
      this.matrix = null;
      const p = this.projectFor(table, hits);
      for (const h of hits) {
        if (h.key === "spendingPlan") {
          plan = this.planLabels(row, h.label);
          planRef = h.label;
          continue;
        }
        this.assign(p, table, h);
      }
      // A 资金支出计划 label with no value cell: its period labels may stand in this row.
      const planHit = next.find((x) => x.key === "spendingPlan");
      if (planHit) {
        plan = this.planLabels(row, planHit.label);
        planRef = planHit.label;
      }
    });
    void planRef;
    if (!tableHasLabels && this.current && !this.matrix) {
      this.warnings.push(`table ${table.index + 1}: no performance-table labels found`);
    }
  }

  /**
   * Title and unit rows printed inside the table: a first row holding one cell that reads as a title
   * (`项目支出绩效目标表`), or a short cell stating `单位：万元`.
   */
  private readBanner(rows: Slot[][]): void {
    for (const row of rows.slice(0, 3)) {
      const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
      if (filled.length !== 1 && filled.length !== 2) continue;
      const banner = readContext(filled.map((s) => joinLines(s.cell.text)));
      if (banner.title && !this.ctx.title) this.ctx = { ...this.ctx, title: banner.title };
      if (banner.statedUnit && !this.ctx.statedUnit) this.ctx = { ...this.ctx, statedUnit: banner.statedUnit };
    }
    for (const row of rows) {
      for (const s of row) {
        const t = joinLines(s.cell.text);
        if (s.anchored && t.length <= 14 && /^[(（]?(金额)?单位\s*[:：]\s*(万元|元)[)）]?$/.test(t) && !this.ctx.statedUnit) {
          this.ctx = { ...this.ctx, statedUnit: readContext([t]).statedUnit };
        }
      }
    }
  }

  /**
   * A title or `单位：元` row after a project has started in this table: several projects stacked in one
   * sheet (a spreadsheet saved as HTML is one table). It is the context of the project that follows.
   */
  private stackedBanner(row: Slot[]): boolean {
    const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
    if (filled.length < 1 || filled.length > 2 || filled.some((s) => labelOfSlot(s))) return false;
    const banner = readContext(filled.map((s) => joinLines(s.cell.text)));
    if (!banner.title && !banner.statedUnit) return false;
    if (banner.title) {
      this.ctx = banner;
      this.ctxUsed = false;
      this.current = null;
    }
    if (banner.statedUnit) this.statedUnit = banner.statedUnit;
    this.matrix = null;
    return true;
  }

  private isWide(): boolean {
    return !!this.matrix && this.matrix.fieldCols.name !== undefined;
  }

  private entityIndicators(table: Table) {
    if (!this.current) this.ensureProject(table);
    const e = this.current!;
    const tables = e.kind === "project" ? e.p.tables : e.d.tables;
    if (!tables.includes(table.index)) tables.push(table.index);
    return e.kind === "project" ? e.p.indicators : e.d.indicators;
  }

  private ensureProject(table: Table): Project {
    // A 项目名称：… line above this table names a project of its own (fields printed as text, matrix-only tables).
    const named = !this.ctxUsed && this.ctx.fields.some((f) => f.key === "name");
    if (this.current?.kind === "project" && !named) {
      if (!this.current.p.tables.includes(table.index)) this.current.p.tables.push(table.index);
      return this.current.p;
    }
    return this.startProject(table);
  }

  private startProject(table: Table): Project {
    const p = newProject(this.ctxUsed ? null : this.ctx.title, table.index);
    if (!this.ctxUsed) {
      p.unitCode = this.ctx.unitCode;
      p.unit = this.ctx.unit;
      this.assignContextFields(p);
    }
    this.ctxUsed = true;
    p.budget.statedUnit = this.statedUnit;
    this.projects.push(p);
    this.current = { kind: "project", p };
    this.matrix = null;
    return p;
  }

  /** The project these key–value hits belong to: a new one at a second 项目名称 or after indicators. */
  private projectFor(table: Table, hits: FieldHit[]): Project {
    const cur = this.current?.kind === "project" ? this.current.p : null;
    const hasName = hits.some((h) => h.key === "name");
    const startsNew =
      !cur ||
      (hasName && (cur.name !== null || cur.indicators.length > 0)) ||
      (cur.indicators.length > 0 && hits.some((h) => h.key !== "purpose" && h.key !== "goal"));
    if (startsNew) return this.startProject(table);
    if (!cur.tables.includes(table.index)) cur.tables.push(table.index);
    return cur;
  }

  private assign(p: Project, table: Table, h: FieldHit): void {
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
    this.setField(p, key, raw, h.label.cell.text);
  }

  /**
   * Fields written as `label：value` lines above a table that holds only the matrix. They have no cell (no
   * sources entry); a value printed in the table itself, read later, replaces them.
   */
  private assignContextFields(p: Project): void {
    for (const f of this.ctx.fields) {
      if (f.key === "unit" && p.unit !== null) continue; // the unit line above the table (563201…) already gave it
      this.setField(p, f.key, f.raw, f.label);
    }
  }

  private setField(p: Project, key: FieldKey, raw: string, labelText: string): void {
    if (AMOUNT_FIELDS.has(key)) {
      const amount = amountInWan(raw, unitInLabel(labelText), this.statedUnit);
      const part = key.slice("budget.".length) as "total" | "fiscal" | "other";
      p.budget[part] = amount;
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
      .filter((s) => s.col >= label.colEnd && s.anchored)
      .map((s) => ({ label: joinLines(s.cell.text), col: s.col }))
      .filter((x) => /^(\d{1,2}月(底|末)?|第?[一二三四1-4]季度(末)?|[上下]半年|全年)$/.test(x.label.replace(/\s+/g, "")));
    return out.length ? out : null;
  }

  private readPlanValues(table: Table, row: Slot[], plan: { label: string; col: number }[]): void {
    const p = this.current?.kind === "project" ? this.current.p : null;
    if (!p) return;
    p.spendingPlan = plan.map(({ label, col }) => {
      const s = slotAt(row, col);
      const raw = s && s.anchored ? joinLines(s.cell.text) : "";
      const n = parseAmount(raw.replace(/[%％]$/, ""));
      return { label, percent: n, raw, at: s ? refOf(table, s.cell) : null };
    });
  }

  /** A row of a wide table: one project (or unit/合计 row) per anchored name cell, indicators alongside. */
  private wideRow(table: Table, row: Slot[]): void {
    const map = this.matrix!;
    const fieldSlot = (k: FieldKey) => (map.fieldCols[k] === undefined ? undefined : slotAt(row, map.fieldCols[k]!));
    const nameSlot = fieldSlot("name");
    const totalSlot = row.find((s) => s.anchored && isTotalLabel(joinLines(s.cell.text)));
    const amountOf = (s: Slot | undefined) => {
      if (!s || !s.anchored) return { amount: null as number | null, raw: "" };
      const raw = joinLines(s.cell.text);
      return { amount: amountInWan(raw, map.headerUnits["budget.total"] ?? null, this.statedUnit), raw };
    };
    if (totalSlot) {
      const s = fieldSlot("budget.total");
      const { amount, raw } = amountOf(s);
      this.totals.push({ label: joinLines(totalSlot.cell.text), amount, raw, at: refOf(table, (s ?? totalSlot).cell), members: [] });
      this.openTotals.push(this.totals[this.totals.length - 1]);
      this.current = null;
      return;
    }
    if (nameSlot && nameSlot.anchored && joinLines(nameSlot.cell.text)) {
      const probe = readIndicatorRow(table, row, nameSlot.cell.row, map, newFillState());
      const codeSlot = fieldSlot("unitCode");
      const code = codeSlot && codeSlot.anchored ? joinLines(codeSlot.cell.text) : "";
      const rowSpan = nameSlot.cell.rowspan;
      if (!probe.indicator && code && rowSpan === 1) {
        // A unit row: the unit's code, name and total; the projects under it follow.
        const { amount, raw } = amountOf(fieldSlot("budget.total"));
        this.unit = { code, name: joinLines(nameSlot.cell.text) };
        const t: TotalRow = { label: this.unit.name, amount, raw, at: refOf(table, (fieldSlot("budget.total") ?? nameSlot).cell), members: [] };
        this.totals.push(t);
        this.openTotals = this.openTotals.filter((x) => !this.unitTotals.has(x));
        this.unitTotals.add(t);
        this.openTotals.push(t);
        this.current = null;
        return;
      }
      const p = newProject(this.ctxUsed ? null : this.ctx.title, table.index);
      this.ctxUsed = true;
      p.budget.statedUnit = map.headerUnits["budget.total"] ?? this.statedUnit;
      p.unit = this.unit?.name ?? this.ctx.unit;
      p.unitCode = this.unit?.code ?? this.ctx.unitCode;
      for (const [k, col] of Object.entries(map.fieldCols) as [FieldKey, number][]) {
        const s = slotAt(row, col);
        if (!s || !s.anchored) continue;
        if ((k === "unitCode" || k === "unit") && !joinLines(s.cell.text)) continue; // inherited from the unit row
        if (k === "unitCode" && code) {
          p.code = code; // on a project row the code column holds the project's code
          p.sources.code = { raw: code, at: refOf(table, s.cell) };
          continue;
        }
        this.assign(p, table, { key: k, label: s, value: s });
      }
      this.projects.push(p);
      for (const t of this.openTotals) t.members.push(this.projects.length - 1);
      this.current = { kind: "project", p };
      this.fill = newFillState();
    }
    if (!this.current || this.current.kind !== "project") return;
    const { indicator } = readIndicatorRow(table, row, 0, map, this.fill);
    if (indicator) this.current.p.indicators.push(indicator);
  }
  private unit: { code: string; name: string } | null = null;
  /** Rows of 长期绩效指标 matrices, by project: its indicators only if it has no annual matrix (see finish). */
  readonly longTerm = new Map<Project, Project["indicators"]>();

  /** A project whose only matrix was the long-term one keeps those rows as its indicators. */
  finish(): void {
    for (const [p, rows] of this.longTerm) if (p.indicators.length === 0) p.indicators.push(...rows);
  }
  private openTotals: TotalRow[] = [];
  private unitTotals = new Set<TotalRow>();

  private departmentTable(table: Table, rows: Slot[][]): void {
    const d = newDepartment(this.ctx.title, table.index);
    d.budget.statedUnit = this.statedUnit;
    this.departments.push(d);
    this.current = { kind: "department", d };
    this.matrix = null;
    let tasks: TaskMap | null = null;
    let labelsAbove: Slot[] | null = null;
    rows.forEach((row, r) => {
      // Labels wait for the very next row only.
      const above = labelsAbove;
      labelsAbove = null;
      if (!row.length) return;
      if (this.matrix && readSubHeader(table, row, r, this.matrix)) return;
      const header = readIndicatorHeader(row, (t) => unitInLabel(t));
      if (header) {
        this.matrix = { ...header, header: { table: table.index, row: r, slots: row } };
        this.fill = newFillState();
        tasks = null;
        return;
      }
      if (this.matrix) {
        const { indicator, end } = readIndicatorRow(table, row, r, this.matrix, this.fill);
        if (end) this.matrix = null;
        if (indicator) d.indicators.push(indicator);
        return;
      }
      const th = readTaskHeader(row);
      if (th) {
        tasks = th;
        return;
      }
      if (tasks) {
        const task = readTaskRow(table, row, tasks, this.statedUnit);
        if (task) {
          d.tasks.push(task);
          return;
        }
        tasks = null;
      }
      // Name and goal rows use the ordinary labels.
      const anchored = row.filter((s) => s.anchored);
      for (let i = 0; i < anchored.length; i++) {
        const text = joinLines(anchored[i].cell.text);
        const key = fieldOf(text) ?? (/^(部门|单位)(\(单位\))?名称$/.test(labelForm(text)) ? "department" : null);
        const next = anchored[i + 1];
        if (!key || !next) continue;
        if (key === "department" || key === "unit" || key === "name") {
          if (d.name === null) {
            d.name = joinLines(next.cell.text) || null;
            d.sources.name = { raw: joinLines(next.cell.text), at: refOf(table, next.cell) };
          }
          i++;
        } else if (key === "goal") {
          d.goal = paragraphs(next.cell.text) || null;
          d.sources.goal = { raw: joinLines(next.cell.text), at: refOf(table, next.cell) };
          i++;
        }
      }
      if (above && readDepartmentColumns(d, table, above, row, this.statedUnit)) return;
      // A row that pairs nothing may be the labels of the row below (labels over figures).
      labelsAbove = readDepartmentRow(d, table, row, this.statedUnit) ? null : row;
    });
    if (d.budget.total === null && d.budget.basic !== null && d.budget.project !== null) {
      d.budget.total = round(d.budget.basic + d.budget.project);
    }
  }
}


const UNCHECKED = /[□☐]/;
const CHECKED = "☑☒■√✓✔";

/**
 * A field printed as check boxes (`新增项目□　延续项目√`, `☑新增项目 □延续项目`): the one ticked option. Text
 * without an empty box, or with no single ticked option, is kept as printed.
 */
export function checkedOption(text: string): string {
  if (!UNCHECKED.test(text)) return text;
  const after = [...text.matchAll(new RegExp(`([\\u3400-\\u9fff]+)\\s*[${CHECKED}]`, "g"))].map((m) => m[1]);
  if (after.length === 1) return after[0];
  const before = [...text.matchAll(new RegExp(`[${CHECKED}]\\s*([\\u3400-\\u9fff]+)`, "g"))].map((m) => m[1]);
  return before.length === 1 ? before[0] : text;
}

/** Read a document's grids as performance tables. */
export function interpret(grid: GridDocument, source: Source): Document {
  const reader = new Reader();
  for (const table of grid.tables) reader.table(table);
  reader.finish();
  // A project with neither a name nor indicators is noise (a stray label table).
  const projects = reader.projects.filter((p) => p.name !== null || p.indicators.length > 0);
  const remap = new Map(reader.projects.map((p, i) => [i, projects.indexOf(p)]));
  for (const t of reader.totals) t.members = t.members.map((m) => remap.get(m)!).filter((m) => m >= 0);
  return {
    source,
    projects,
    departments: reader.departments,
    totals: reader.totals,
    warnings: [...grid.warnings, ...reader.warnings],
    diagnostics: grid.warnings.map((w) => ({ code: "backend-warning" as const, message: w, project: null, at: [] })),
  };
}
