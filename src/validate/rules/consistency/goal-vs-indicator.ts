import { trimNumber } from "../../money.ts";
import { quoteIndicator, sourceCell, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { unitFamily } from "../../units.ts";
import { quantitiesOf } from "../cost-budget-mismatch/unit-cost-times-quantity.ts";

interface GoalNumber {
  value: number;
  unit: string;
  text: string;
  /** The words around the number, to tell which indicator it speaks about. */
  context: string;
}

const UNIT = "人次|名|人|户|个|台|例|所|家|场|期|套|件|辆|项|座|间|张|份|处|只|批|篇";

/** Counts written in the goal: `6000名`, `80户`, `21个`; not `3个月`, `第5次`, `0-6岁`, `2023年`. */
export function goalNumbers(goal: string): GoalNumber[] {
  const text = goal.normalize("NFKC");
  const out: GoalNumber[] = [];
  const re = new RegExp(`((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(万)?\\s*(${UNIT})`, "g");
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 1), start);
    const after = text.slice(end, end + 2);
    if (/[第\-~～至.\d]/.test(before)) continue;
    if (m[3] === "个" && /^(月|工作|小时|百分点|季度|年|日)/.test(after)) continue;
    if (m[3] === "人" && /^民/.test(after)) continue;
    out.push({
      value: Number(m[1].replace(/,/g, "")) * (m[2] ? 10000 : 1),
      unit: m[3],
      text: m[0],
      context: text.slice(Math.max(0, start - 14), start) + text.slice(end, end + 14),
    });
  }
  return out;
}

function bigramOverlap(a: string, b: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) grams.add(a.slice(i, i + 2));
  let n = 0;
  const seen = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    if (grams.has(g) && !seen.has(g)) {
      seen.add(g);
      n++;
    }
  }
  return n;
}

export const rule: SubjectRule = {
  id: "consistency/goal-vs-indicator",
  severity: "warning",
  description:
    "Counts written in the goal text (年度总体绩效目标) must agree with the quantity indicators that count the same " +
    "thing: a goal of insuring 6000名 persons contradicts an indicator of ≥8000人. Units of one family agree (人 = 名), " +
    "the indicator's operator is respected (goal 8000 meets ≥6000), and a goal number is compared with the " +
    "indicator whose name shares its words (or with the only one of that unit). Numbers within " +
    "consistency.goalTolerance of the indicator are taken as agreeing.",
  checkSubject(subject, { thresholds }) {
    if (!subject.goal) return [];
    const quantities = quantitiesOf(subject.indicators);
    if (quantities.length === 0) return [];
    const tol = thresholds["consistency.goalTolerance"];
    const numbers = goalNumbers(subject.goal);
    const sources = subject.kind === "project" ? subject.project.sources : subject.department.sources;
    const drafts: Draft[] = [];
    const reported = new Set<unknown>();
    for (const g of numbers) {
      const family = unitFamily(g.unit);
      const same = quantities.filter((q) => unitFamily(q.unit) === family);
      if (same.length === 0) continue;
      const agrees = same.some((q) => g.value >= q.interval.min * (1 - tol) && g.value <= q.interval.max * (1 + tol));
      if (agrees) continue;
      const goalsOfFamily = numbers.filter((n) => unitFamily(n.unit) === family);
      const scored = same.map((q) => ({ q, s: bigramOverlap(g.context, q.ind.name) })).sort((a, b) => b.s - a.s);
      const best = scored[0];
      const single = same.length === 1 && goalsOfFamily.length === 1;
      if (!(best.s >= 2 || single)) continue;
      if (scored.length > 1 && scored[1].s === best.s && !single) continue;
      if (reported.has(best.q.ind)) continue;
      reported.add(best.q.ind);
      const bound =
        best.q.interval.min === best.q.interval.max
          ? trimNumber(best.q.interval.min)
          : best.q.interval.max === Infinity
            ? `至少${trimNumber(best.q.interval.min)}`
            : `${trimNumber(best.q.interval.min)}至${trimNumber(best.q.interval.max)}`;
      const ref = best.q.interval.max === Infinity ? best.q.interval.min : best.q.interval.max;
      drafts.push({
        subject,
        cells: [...sourceCell(sources, "goal"), ...valueCell(best.q.ind)],
        message: `绩效目标写的是“${g.text}”，而数量指标${quoteIndicator(best.q.ind)}为${bound}${best.q.unit}，两者不一致。`,
        numbers: {
          expected: g.value,
          actual: ref,
          difference: ref - g.value,
          unit: best.q.unit,
        },
      });
    }
    return drafts;
  },
};

export default rule;
