/**
 * Department overall tables (部门整体绩效目标表): staff, the budget block (基本支出/项目支出, income sources),
 * the overall goal, key tasks (名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标) and an indicator matrix.
 */
import type { Table } from "../grid/types.ts";
import type { Department, Task } from "../model/types.ts";
import { amountInWan, parseAmount } from "./amount.ts";
import { refOf, slotAt, type Slot } from "./rows.ts";
import { joinLines } from "./text.ts";
import {
  DEPARTMENT_BUDGET,
  fieldOf,
  FISCAL_PART,
  isDepartmentLabel,
  labelForm,
  MONEYISH,
  OTHER_PART,
  STAFF,
  TASK_HEADER,
  TASK_NUMBER,
  unitInLabel,
  withoutContainer,
} from "./vocabulary.ts";

export function newDepartment(title: string | null, table: number): Department {
  return {
    title,
    name: null,
    staff: null,
    budget: { total: null, basic: null, project: null, fiscal: null, other: null, statedUnit: "万元", lines: [] },
    goal: null,
    tasks: [],
    indicators: [],
    sources: {},
    tables: [table],
  };
}

const NUMERIC = /^[\s\d,，.．０-９]+$/;

const isAmountCell = (raw: string) => !raw || NUMERIC.test(raw.replace(/万?元$/, ""));

/** One label and its amount (or staff count) cell; false when the label is neither. */
function readPair(
  dept: Department,
  table: Table,
  label: string,
  value: Slot,
  unit: "万元" | "元" | null,
  statedUnit: "万元" | "元",
): boolean {
  const form = labelForm(withoutContainer(label));
  const raw = joinLines(value.cell.text);
  if (STAFF.test(form)) {
    dept.staff = parseAmount(raw);
    dept.sources.staff = { raw, at: refOf(table, value.cell) };
    return true;
  }
  if (!MONEYISH.test(form)) return false;
  const amount = amountInWan(raw, unitInLabel(label) ?? unit, statedUnit);
  dept.budget.lines.push({ label, amount, raw, at: refOf(table, value.cell) });
  const key = DEPARTMENT_BUDGET.find(([re]) => re.test(form))?.[1];
  if (key && dept.budget[key] === null) {
    dept.budget[key] = amount;
    dept.sources[`budget.${key}`] = { raw, at: refOf(table, value.cell) };
  }
  return true;
}

/** Label/amount pairs of a budget-block row, and the staff count. */
export function readDepartmentRow(
  dept: Department,
  table: Table,
  row: Slot[],
  statedUnit: "万元" | "元",
  unitAt: (col: number) => "万元" | "元" | null = () => null,
): boolean {
  let used = false;
  const anchored = row.filter((s) => s.anchored);
  for (let i = 0; i + 1 < anchored.length; i++) {
    const label = joinLines(anchored[i].cell.text);
    const form = labelForm(label);
    if (!form || NUMERIC.test(form)) continue;
    const next = anchored[i + 1];
    if (!isAmountCell(joinLines(next.cell.text))) continue;
    if (!readPair(dept, table, label, next, unitAt(next.col), statedUnit)) continue;
    used = true;
    i++;
  }
  return used;
}

/**
 * A budget block printed as labels over figures (`资金总额 | 财政拨款 | 其他资金 | 基本支出 | 项目支出` and the
 * amounts in the row below, often beside a container label such as `年度预算情况（万元）` spanning both rows).
 * `labels` is the row of labels: every filled cell in it is a label, at least two of them money or staff
 * labels; each takes the anchored amount cell below it. The container's unit (`（万元）`) applies to all.
 */
export function readDepartmentColumns(dept: Department, table: Table, labels: Slot[], values: Slot[], statedUnit: "万元" | "元"): boolean {
  const named = labels.filter((s) => s.anchored && joinLines(s.cell.text));
  const budgetish = (s: Slot) => {
    const f = labelForm(joinLines(s.cell.text));
    return !!f && !NUMERIC.test(f) && (MONEYISH.test(f) || STAFF.test(f));
  };
  if (named.filter(budgetish).length < 2 || named.some((s) => !budgetish(s) && NUMERIC.test(joinLines(s.cell.text)))) return false;
  // The row below must be figures: no text cell of its own, at least one number.
  const below = values.filter((s) => s.anchored);
  if (!below.length || below.some((s) => !isAmountCell(joinLines(s.cell.text))) || !below.some((s) => joinLines(s.cell.text))) return false;
  // The label spanning down beside both rows (`年度预算情况（元）`), wherever it started: its unit holds for both.
  const container = labels.find((s) => values.some((v) => v.cell === s.cell) && unitInLabel(s.cell.text));
  const unit = container ? unitInLabel(container.cell.text) : null;
  let used = false;
  for (const l of named) {
    const v = below.find((s) => s.col === l.col && s.colEnd === l.colEnd) ?? below.find((s) => s.col <= l.col && l.col < s.colEnd);
    if (!v) continue;
    if (readPair(dept, table, joinLines(l.cell.text), v, unit, statedUnit)) used = true;
  }
  return used;
}

export interface TaskMap {
  name: number;
  content?: number;
  amount?: number;
  goal?: number;
  amountUnit: "万元" | "元" | null;
}

/** A task header row: 名称 | 主要实施内容 | 拟投入的资金(万元) | 期望达到的目标. */
export function readTaskHeader(row: Slot[]): TaskMap | null {
  const map: Partial<TaskMap> = {};
  for (const s of row) {
    if (!s.anchored) continue;
    const raw = joinLines(s.cell.text);
    const f = labelForm(raw);
    if (TASK_HEADER.project.test(f)) continue; // 对应项目: the projects that carry the task, no field of a task
    if (TASK_HEADER.name.test(f)) map.name ??= s.col;
    else if (TASK_HEADER.content.test(f)) map.content ??= s.col;
    else if (TASK_HEADER.amount.test(f)) {
      map.amount ??= s.col;
      map.amountUnit = unitInLabel(raw);
    } else if (TASK_HEADER.goal.test(f) && !/绩效目标$/.test(f)) map.goal ??= s.col;
  }
  if (map.name === undefined || (map.content === undefined && map.amount === undefined)) return null;
  return { amountUnit: null, ...map } as TaskMap;
}

/** A task row under a task header; null when the row is something else (the task block has ended). */
export function readTaskRow(table: Table, row: Slot[], map: TaskMap, statedUnit: "万元" | "元"): Task | null {
  const nameSlot = slotAt(row, map.name);
  if (!nameSlot || !nameSlot.anchored) return null;
  // A cell reaching left over the task-group column runs across the table (`绩效指标` over the matrix below): no task.
  if (nameSlot.col < map.name) return null;
  // Cells left of the name column must be a task-group label or blank.
  const left = row.filter((s) => s.colEnd <= map.name);
  const groupSlot = left.find((s) => joinLines(s.cell.text));
  const group = groupSlot ? joinLines(groupSlot.cell.text) : null;
  if (group && !/任务/.test(group)) return null;
  const rawName = joinLines(nameSlot.cell.text);
  if (!rawName) return null;
  // A goal, function or budget row after the tasks (`年度总体目标 | …`) ends the block: its label is no task.
  if (fieldOf(rawName) || isDepartmentLabel(rawName) || /(目标|职能|职责)$/.test(labelForm(rawName))) return null;
  const cell = (col: number | undefined) => {
    if (col === undefined) return null;
    const s = slotAt(row, col);
    return s && s.anchored && s !== nameSlot ? joinLines(s.cell.text) || null : null;
  };
  const rawAmount = cell(map.amount);
  return {
    name: rawName.replace(TASK_NUMBER, ""),
    content: cell(map.content),
    amount: rawAmount ? amountInWan(rawAmount, map.amountUnit, statedUnit) : null,
    goal: cell(map.goal),
    group,
    at: refOf(table, nameSlot.cell),
  };
}

/**
 * Totals a department's table leaves to its parts: 财政拨款 as the sum of the government income lines (一般公共预算,
 * 政府性基金, 国有资本经营预算) when no 财政拨款 line is printed, the other money as the sum of the rest (财政专户,
 * 事业收入 …) when no 其他资金 line is, and the total as 基本支出 + 项目支出 when it is not printed.
 */
export function finishDepartment(d: Department): void {
  const sumOf = (re: RegExp) => {
    const parts = d.budget.lines.filter((l) => re.test(labelForm(withoutContainer(l.label))) && l.amount !== null);
    return parts.length ? round(parts.reduce((a, l) => a + l.amount!, 0)) : null;
  };
  if (d.budget.fiscal === null) d.budget.fiscal = sumOf(FISCAL_PART);
  if (d.budget.other === null) d.budget.other = sumOf(OTHER_PART);
  if (d.budget.total === null && d.budget.basic !== null && d.budget.project !== null)
    d.budget.total = round(d.budget.basic + d.budget.project);
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
