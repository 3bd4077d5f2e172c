/** What the interpreter carries from row to row and from table to table: one declared type, nothing hidden. */
import type { Department, Diagnostic, Indicator, Project, TotalRow } from "../model/types.ts";
import type { TableContext } from "./context.ts";
import type { TaskMap } from "./department.ts";
import type { PendingLabels } from "./fields.ts";
import type { HeaderStub, MatrixMap } from "./header.ts";
import type { FillState } from "./matrix.ts";
import type { Slot } from "./rows.ts";

export type Unit = "万元" | "元";

export type Entity = { kind: "project"; p: Project } | { kind: "department"; d: Department };

export interface ReadingState {
  // ── the document so far ──
  projects: Project[];
  departments: Department[];
  totals: TotalRow[];
  warnings: string[];
  diagnostics: Diagnostic[];
  /** Rows of 长期绩效指标 matrices, by project: its indicators only if it has no annual matrix. */
  longTerm: Map<Project, Indicator[]>;
  /** Projects started by indicator rows alone (no name, no fields): reported as orphan indicators. */
  orphans: Set<Project>;
  /** Every matrix header read, with how many indicators it yielded. */
  headers: NonNullable<MatrixMap["reads"]>[];

  // ── across tables ──
  /** The project or department rows are read into. */
  entity: Entity | null;
  /** The unit amounts are stated in (单位：万元 above the table, or a banner row). */
  statedUnit: Unit;
  /** The indicator matrix being read, with the labels carried down its merged level cells. */
  matrix: MatrixMap | null;
  fill: FillState;
  /** The last indicator read: a row split by a page break goes on with it. */
  lastIndicator: Indicator | null;
  /** Page of the last matrix row read (paged formats): a row on a later page may be the rest of a split row. */
  lastRowPage: number | null;
  /** Wide tables: the unit row the projects below belong to, and the total rows still collecting members. */
  wideUnit: { code: string; name: string } | null;
  /** The unit the last unit line above a table named; it holds for the projects after it until another one. */
  unitLine: { unit: string; unitCode: string | null } | null;
  openTotals: TotalRow[];
  unitTotals: Set<TotalRow>;
  /** Projects read from wide-table rows: a 合计 row after them totals those no other total has claimed. */
  wideProjects: Set<Project>;
  /** The columns cells start in, in the table the open matrix was last read in (to follow it into a narrower one). */
  matrixStarts: number[];
  /** The lines above a table that used none of them (nothing in it started a project): they go on to the next. */
  unusedContext: TableContext | null;
  /** Column names a header cut by a page break left at the bottom of the table before. */
  headerStub: { width: number; stub: HeaderStub } | null;

  // ── within one table ──
  table: TableState;
}

export interface TableState {
  index: number;
  /** What the lines above the table said; `ctxUsed` once a project took its title and fields. */
  ctx: TableContext;
  ctxUsed: boolean;
  /** The table goes on with the matrix of the table before it (a page break). */
  continues: boolean;
  /** No body row of this table has been read yet (a row split by the page break opens the table). */
  beforeFirstBody: boolean;
  /** Labels of the row above waiting for their values in this row (labels above values). */
  pending: PendingLabels;
  /** Spending-plan period labels waiting for the row of percentages under them. */
  plan: { label: string; col: number }[] | null;
  /** A row of department budget labels waiting for its figures in the next row. */
  labelsAbove: Slot[] | null;
  /** A department's task block: its header's columns. */
  tasks: TaskMap | null;
  /** Units named by column headings of a department's budget block (`预算金额（元）`), by column. */
  columnUnits: Map<number, Unit>;
  /** Labels of any kind were read in this table (a table without any is reported). */
  hasLabels: boolean;
  /** A project or department was started in this table. */
  started: boolean;
  /** Key–value rows were read since the matrix header (a header after them is a new matrix, not a repeat). */
  fieldsSinceHeader: boolean;
  /** The table's rows that looked like indicators but fit no matrix. */
  unplaced: Slot[][];
  /** Indicators read from this table. */
  indicators: number;
}
