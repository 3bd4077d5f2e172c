/** Tolerance and wording for sums of printed budget amounts (万元, usually two decimals). */
import type { Thresholds } from "./config.ts";
import { round, trimNumber } from "./money.ts";

/** In 万元: amounts printed to 0.01万元 may each be off by 50元, so sums forgive arithmetic.toleranceYuan. */
export function sumTolerance(totalWan: number, t: Thresholds): number {
  return Math.max(t["arithmetic.toleranceYuan"] / 10000, t["arithmetic.toleranceRatio"] * Math.abs(totalWan));
}

export function sumNumbers(expectedWan: number, actualWan: number) {
  return {
    expected: round(expectedWan),
    actual: round(actualWan),
    difference: round(actualWan - expectedWan),
    unit: "万元",
  };
}

export function wan(n: number): string {
  return `${trimNumber(n)}万元`;
}
