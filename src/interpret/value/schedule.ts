/** Recurring timings: `按月支付`, `按季`, `规定期限内按季支付`, `每季度`, `按月及时支付`, `每月10日前支付`. */
import type { ScheduleTarget } from "./types.ts";

const SCHEDULE = /(?:按|每|逐|分)(?:个)?(半年|季度|季|月|年度|年|周|星期|旬|日|天|学期)(?!度?(?:计划|预算|目标|任务|要求|指标|绩效|考核))/;
const EVERY: Record<string, string> = { 季度: "季", 年度: "年", 天: "日", 星期: "周" };

/** Longer texts are sentences that mention a timing, not a timing. */
const MAX_LENGTH = 20;

export function parseSchedule(s: string, text: string): ScheduleTarget | null {
  if (s.length > MAX_LENGTH) return null;
  const m = s.match(SCHEDULE);
  if (!m) return null;
  // Digits only as a day of the period (`每月10日前`); any other number is an amount this is not.
  if (/\d/.test(s.replace(/\d{1,2}[日号]/g, ""))) return null;
  return { kind: "schedule", every: EVERY[m[1]] ?? m[1], text };
}
