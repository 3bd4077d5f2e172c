/**
 * Recurring timings: `按月支付`, `按季`, `规定期限内按季支付`, `每季度`, `按月及时支付`, `每月10日前支付`, and
 * frequencies — how often something happens in each period: `每个工作日一次`, `每周一次`, `每月2次`,
 * `每季度开展一次`, `每年至少1次`, `每两周一次`. A frequency is a schedule, not a count: `每月2次` is a timing to
 * keep, not 2 of something (the raw text keeps the count). Quantities per unit (`每户2500元`, `每人每年5万元`) and
 * counts with a slash (`≥2次/年`) stay quantities.
 */
import { chineseNumeral } from "./numbers.ts";
import type { ScheduleTarget } from "./types.ts";

const SCHEDULE = /(?:按|每|逐|分)(?:个)?(半年|季度|季|月|年度|年|周|星期|旬|日|天|学期)(?!度?(?:计划|预算|目标|任务|要求|指标|绩效|考核))/;
const EVERY: Record<string, string> = { 季度: "季", 年度: "年", 天: "日", 星期: "周" };

/** Longer texts are sentences that mention a timing, not a timing. */
const MAX_LENGTH = 20;

const NUMERAL = "(?:\\d+|[一二两三四五六七八九十]+)";
const OPERATOR = "(?:至少|最少|不少于|不低于|不得少于|最多|至多|不超过|不多于|≥|≤|>|<)";
/**
 * 每 + [count of periods] + period + [a short verb or object: 开展, 召开会议] + [operator] + count + a measure of
 * occurrences (次, 回, 轮, 遍, 期, 场) + [以上, 以内 …]. Normalised text (NFKC, no spaces, ≥/≤ glyphs).
 */
const FREQUENCY = new RegExp(
  `^每(?:个)?(${NUMERAL})?(?:个)?(工作日|半年|半月|学期|季度|年度|星期|季|年|月|周|旬|日|天)` +
    `([\\u3400-\\u9fff]{0,6}?)${OPERATOR}?${NUMERAL}(?:次|回|轮|遍|期|场)(?:及以上|以上|以内|左右)?$`,
);

/** `每月2次`, `每个工作日一次` → the period (月, 工作日; 2周 for 每两周); null when the text is not a frequency. */
export function frequencyPeriod(s: string): string | null {
  const m = s.match(FREQUENCY);
  if (!m) return null;
  // The words between period and count must not be a measure of something counted (`每年培训人数2次` is odd,
  // but `每年人均2次` is per head): only verbs and objects of an activity.
  if (m[3] && /[人户元]/.test(m[3])) return null;
  const period = EVERY[m[2]] ?? m[2];
  if (!m[1]) return period;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumeral(m[1]);
  if (n === null || n < 1) return null;
  return n === 1 ? period : `${n}${period}`;
}

export function parseSchedule(s: string, text: string): ScheduleTarget | null {
  if (s.length > MAX_LENGTH) return null;
  const every = frequencyPeriod(s);
  if (every) return { kind: "schedule", every, text };
  const m = s.match(SCHEDULE);
  if (!m) return null;
  // Digits only as a day of the period (`每月10日前`); any other number is an amount this is not.
  if (/\d/.test(s.replace(/\d{1,2}[日号]/g, ""))) return null;
  return { kind: "schedule", every: EVERY[m[1]] ?? m[1], text };
}
