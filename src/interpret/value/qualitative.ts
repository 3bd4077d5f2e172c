/**
 * Verbal targets: 是/否, 有/无, 有所提高, 较显著, 持续保障, 达标 … with a polarity. Only short phrases
 * qualify: a long sentence in the value column is a description that landed there, not a target.
 */
import type { Polarity, QualitativeTarget } from "./types.ts";

const NONE = /^(无|没有|暂无|无此项|不涉及|不适用|-+|\/+|\\+)$/;
const NO = /^(否|不是|不|未)$/;
const YES = /^(是|有|已|能|可以|具备)$/;
const NOT_SIGNIFICANT = /[不未无]太?(显著|明显)/;
const SIGNIFICANT = /显著|明显|大幅|极大|很大|突出/;
const IMPROVE = /提高|提升|改善|改进|增强|加强|增加|增长|增进|增收|促进|减轻|减少|降低|下降|缓解|优化|好转|上升|完善|推进|扩大|帮助/;
const STABLE = /持续|稳定|长期|长效|持久|平稳|常态|保持|延续|巩固/;
const OTHER =
  /达标|合格|良好|优秀|优良|优|完成|保障|健全|保证|确保|及时|按时|准时|实现|建立|满足|符合|到位|正常|有效|规范|安全|落实|覆盖|通过|准确|足额|全部|全面|合规|达到|满意|顺利|齐全|完好|发挥|提供|开展|执行|高|好|强|快|充分|丰富|便利|受益|改造|运行|运转|应保尽保|应发尽发|控制在.+[以之]?内/;

/** Phrases longer than this are sentences (descriptions pasted into the value column). */
export const MAX_QUALITATIVE_LENGTH = 16;

export function polarityOf(s: string): Polarity | null {
  if (NONE.test(s)) return "none";
  if (NO.test(s)) return "no";
  if (YES.test(s)) return "yes";
  if (NOT_SIGNIFICANT.test(s)) return "other";
  if (SIGNIFICANT.test(s)) return "significant";
  if (IMPROVE.test(s)) return "improve";
  if (STABLE.test(s)) return "stable";
  if (OTHER.test(s)) return "other";
  return null;
}

/** `s` is the normalised value (no digits expected), `text` what the target shows. */
export function parseQualitative(s: string, text: string): QualitativeTarget | null {
  if (/\d/.test(s) || s.length > MAX_QUALITATIVE_LENGTH) return null;
  const polarity = polarityOf(s);
  return polarity ? { kind: "qualitative", text, polarity } : null;
}
