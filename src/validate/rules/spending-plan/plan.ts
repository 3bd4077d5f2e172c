import type { SpendingPlanEntry } from "../../../model/types.ts";

/** The filled entries of a spending plan (资金支出计划（%）), in column order. */
export function filledEntries(plan: SpendingPlanEntry[] | null): (SpendingPlanEntry & { percent: number })[] {
  return (plan ?? []).filter((e): e is SpendingPlanEntry & { percent: number } => e.percent !== null);
}

/** Whether the entries read as shares per period (25/25/25/25) rather than cumulative percentages. */
export function isPerPeriodShares(entries: { percent: number }[], tol: number): boolean {
  if (entries.length < 2) return false;
  const sum = entries.reduce((s, e) => s + e.percent, 0);
  return Math.abs(sum - 100) <= tol && entries.some((e, i) => i > 0 && e.percent < entries[i - 1].percent + tol);
}

/** Labels for the end of the year: 12月底, 年底, 全年, 第四季度. */
export function isYearEnd(label: string): boolean {
  return /12月|十二月|年底|年末|全年|第?[四4]季度|下半年/.test(label.replace(/\s+/g, ""));
}
