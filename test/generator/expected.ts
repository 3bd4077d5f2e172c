/**
 * The model a reader must get back, in the shape of the fixtures' expected.json files, derived from the generator's
 * own data (compose.ts) — never from the interpreter. Only keys the test should compare are present:
 * `description`/`basis` only where the table has that column, no `sources`/`at`/targets.
 *
 * Conventions (README.md "Expected model"): canonical level names; names and values as printed with a cell's
 * lines joined without separator (the generator only wraps where that join is exact); split value columns
 * joined sign + number + unit; goal/purpose paragraphs joined by "\n"; amounts in 万元; statedUnit per
 * print.ts statedUnitOf; department fiscal = the government income lines, other = 财政专户 + 其他资金.
 */
import type { AbsDoc, AbsIndicator, AbsProject } from "./compose.ts";
import type { Choices } from "./dimensions.ts";
import { splitValue, statedUnitOf } from "./print.ts";

export interface ExpectedIndicator {
  level1: string;
  level2: string;
  name: string;
  value: string;
  description?: string | null;
  basis?: string | null;
}

export interface ExpectedProject {
  title: string | null;
  name: string | null;
  code: string | null;
  department: string | null;
  unit: string | null;
  unitCode: string | null;
  category: string | null;
  period: string | null;
  office: string | null;
  budget: { total: number | null; fiscal: number | null; other: number | null; statedUnit: "万元" | "元" };
  purpose: string | null;
  goal: string | null;
  spendingPlan: { label: string; percent: number | null }[] | null;
  indicators: ExpectedIndicator[];
}

export interface ExpectedDepartment {
  title: string | null;
  name: string | null;
  staff: number | null;
  budget: { total: number | null; basic: number | null; project: number | null; fiscal: number | null; other: number | null };
  goal: string | null;
  tasks: { name: string; content: string | null; amount: number | null; goal: string | null; group: string | null }[];
  indicators: ExpectedIndicator[];
}

export interface ExpectedTotal {
  label: string;
  amount: number | null;
  members: number[];
}

export interface Expected {
  projects: ExpectedProject[];
  departments: ExpectedDepartment[];
  totals: ExpectedTotal[];
}

/** Hundredths of 万元 → 万元. */
const wan = (cents: number | null): number | null => (cents === null ? null : cents / 100);

function indicator(ind: AbsIndicator, c: Choices): ExpectedIndicator {
  const out: ExpectedIndicator = { level1: ind.level1, level2: ind.level2, name: ind.name, value: splitValue(ind.value, c).joined };
  if (c.family === "kv" && c.descriptionCol === "yes") out.description = ind.description || null;
  if (c.family === "kv" && c.basisCol !== "none") out.basis = ind.basis || null;
  return out;
}

function project(p: AbsProject, c: Choices, kv: boolean): ExpectedProject {
  return {
    title: p.title,
    name: p.name,
    code: p.code,
    department: p.department,
    unit: p.unit,
    unitCode: p.unitCode,
    category: p.category?.text ?? null,
    period: p.period,
    office: p.office,
    budget: {
      total: wan(p.budget.total),
      fiscal: kv ? wan(p.budget.fiscal) : null,
      other: kv ? wan(p.budget.other) : null,
      statedUnit: statedUnitOf(c),
    },
    purpose: p.purpose ? p.purpose.join("\n") : null,
    goal: p.goal.join("\n"),
    spendingPlan: p.plan ? p.plan.map(({ label, percent }) => ({ label, percent })) : null,
    indicators: p.indicators.map((i) => indicator(i, c)),
  };
}

export function expectedOf(doc: AbsDoc, c: Choices): Expected {
  if (doc.family === "kv") return { projects: doc.projects.map((p) => project(p, c, true)), departments: [], totals: [] };
  if (doc.family === "wide") {
    const totals: ExpectedTotal[] = [];
    const all = doc.projects.map((_, i) => i);
    const sum = (ps: number[]) => ps.reduce((s, i) => s + doc.projects[i].budget.total, 0);
    for (const t of doc.tables) {
      for (const item of t.items) {
        if (item.kind === "total") totals.push({ label: "合计", amount: wan(sum(all)), members: all });
        if (item.kind === "unit") {
          const members = all.filter((i) => doc.projects[i].unitIndex === item.unit);
          totals.push({ label: doc.units[item.unit].name, amount: wan(sum(members)), members });
        }
      }
    }
    return { projects: doc.projects.map((p) => project(p, c, false)), departments: [], totals };
  }
  const d = doc.dept;
  const part = (group: "fiscal" | "other") => {
    const lines = d.incomes.filter((x) => x.group === group && x.amount !== null);
    return lines.length ? wan(lines.reduce((s, x) => s + x.amount!, 0)) : null;
  };
  return {
    projects: [],
    departments: [
      {
        title: d.title,
        name: d.name,
        staff: d.staff,
        budget: { total: wan(d.total), basic: wan(d.basic), project: wan(d.project), fiscal: part("fiscal"), other: part("other") },
        goal: d.goal.join("\n"),
        tasks: d.tasks.map((t) => ({ name: t.name, content: t.content || null, amount: wan(t.amount), goal: t.goal, group: d.taskGroup })),
        indicators: d.indicators.map((i) => indicator(i, c)),
      },
    ],
    totals: [],
  };
}
