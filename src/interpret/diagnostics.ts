/**
 * What the interpreter could not read with confidence, as diagnostics (model: Document.diagnostics; validator:
 * extraction/* rules). A misread must never pass in silence: a nameless project, a budget label without an amount,
 * indicators that belong to no project, rows that look like indicators but fit no matrix, a header that yielded no
 * indicator, fewer projects than the document's 项目名称 labels and titles announce.
 */
import type { GridDocument, Table } from "../grid/types.ts";
import type { CellRef, Diagnostic, Project } from "../model/types.ts";
import { refOf, tableRows } from "./rows.ts";
import type { ReadingState } from "./state.ts";
import { joinLines } from "./text.ts";
import { fieldOf, TITLE, TITLE_MAX_CHARS } from "./vocabulary.ts";

/** Per table, when it has been read: rows that looked like indicators but fit no matrix. */
export function reportTable(s: ReadingState, table: Table): void {
  const rows = s.table.unplaced;
  if (!rows.length) return;
  const at: CellRef[] = rows.map((row) => {
    const first = row.find((x) => x.anchored && joinLines(x.cell.text)) ?? row[0];
    return refOf(table, first.cell);
  });
  s.diagnostics.push({
    code: "unplaced-rows",
    message: `table ${table.index + 1}: ${rows.length} row(s) look like indicators but fit no indicator matrix; they were not read`,
    project: null,
    at,
  });
}

/** Title lines of project tables (not a department's overall table). */
const PROJECT_TITLE = (line: string) => TITLE.test(line) && line.length <= TITLE_MAX_CHARS && !/部门整体|整体支出|部门绩效/.test(line);

/** For the whole document, once every table has been read. */
export function reportDocument(grid: GridDocument, projects: Project[], s: ReadingState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (p: Project, key: string): CellRef[] => (p.sources[key] ? [p.sources[key].at] : []);
  projects.forEach((p, i) => {
    if (s.orphans.has(p) && p.name === null && !Object.keys(p.sources).length) {
      const first = p.indicators[0]?.at.name ?? p.indicators[0]?.at.value;
      out.push({
        code: "orphan-indicators",
        message: `${p.indicators.length} indicator(s) stand before any project name or field (table ${p.tables[0] + 1}); they were kept in a project without a name`,
        project: i,
        at: first ? [first] : [],
      });
    } else if (p.name === null) {
      const cells = Object.values(p.sources)
        .slice(0, 1)
        .map((x) => x.at);
      out.push({ code: "nameless-project", message: `project #${i + 1} (table ${p.tables[0] + 1}) has no name`, project: i, at: cells });
    }
    if (p.budget.total === null && p.sources["budget.total"]) {
      out.push({
        code: "missing-budget",
        message: `project #${i + 1}${p.name ? ` “${p.name}”` : ""}: its table has a budget amount cell, but no amount could be read from “${p.sources["budget.total"].raw}”`,
        project: i,
        at: at(p, "budget.total"),
      });
    }
  });
  for (const h of s.headers) {
    if (h.count > 0) continue;
    out.push({
      code: "unread-table",
      message: `table ${h.table + 1}: an indicator header (row ${h.row + 1}) yielded no indicator`,
      project: null,
      at: [{ table: h.table, row: h.row, col: 0, ...pageOf(grid.tables[h.table]) }],
    });
  }
  const announced = announcedProjects(grid);
  if (announced.count > projects.length) {
    out.push({
      code: "missing-projects",
      message: `the document announces ${announced.count} project(s) (${announced.by}) but ${projects.length} were read`,
      project: null,
      at: announced.at.slice(0, 20),
    });
  }
  return out;
}

function pageOf(table: Table | undefined): { page?: number } {
  const page = table?.pages?.[0];
  return page === undefined ? {} : { page };
}

/** How many projects the document announces: its 项目名称 label cells and `项目名称：` lines, or its project titles. */
function announcedProjects(grid: GridDocument): { count: number; by: string; at: CellRef[] } {
  const labels: CellRef[] = [];
  let lines = 0;
  let titles = 0;
  for (const table of grid.tables) {
    // One title per table at most: a document heading above the first table's own title announces no project.
    if (table.context.some((line) => PROJECT_TITLE(line.trim()))) titles++;
    for (const line of table.context) if (/^\s*项目名称\s*[:：]/.test(line)) lines++;
    for (const row of tableRows(table)) {
      for (const x of row) if (x.anchored && fieldOf(x.cell.text) === "name") labels.push(refOf(table, x.cell));
    }
  }
  const byLabels = labels.length + lines;
  return byLabels >= titles ? { count: byLabels, by: "项目名称 labels", at: labels } : { count: titles, by: "titles above tables", at: [] };
}
