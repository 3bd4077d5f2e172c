/**
 * Units of counted things: which printed units mean the same (人 = 名 = 位), which unit an indicator name
 * implies when the value is a bare number (`…改造户数 | 80` counts 户), and which names are rates.
 */

/** Printed unit → family key. Units not listed are their own family. */
const FAMILIES: Record<string, string> = {
  人: "人",
  名: "人",
  位: "人",
  人员: "人",
  户: "户",
  家庭: "户",
  家: "户",
  人次: "人次",
  天: "天",
  日: "天",
  个: "个",
  平方米: "平方米",
  "㎡": "平方米",
  m2: "平方米",
  公里: "公里",
  km: "公里",
};

export function unitFamily(unit: string | null | undefined): string | null {
  if (!unit) return null;
  const u = unit.normalize("NFKC").trim();
  if (!u) return null;
  return FAMILIES[u] ?? u;
}

export function isMoneyUnit(unit: string | null | undefined): boolean {
  return !!unit && /^(元|万元|亿元|千元|万|亿)$/.test(unit.normalize("NFKC").trim());
}

export function isPercentUnit(unit: string | null | undefined): boolean {
  return !!unit && /^[%％]$/.test(unit.trim());
}

/** Units that are periods of time: `元/年` is an annual amount, not a unit cost. */
export function isTimeUnit(unit: string | null | undefined): boolean {
  return !!unit && /^(年|月|季|季度|周|天|日|半年|小时)$/.test(unit.trim());
}

const COUNT_UNITS = "人次|人|户|台|例|次|个|所|家|名|辆|套|件|场|期|项|座|间|张|本|册|份|处|只|头|亩|批|篇|条|部|支|座";

/**
 * The unit a quantity indicator's name implies: `残疾人培训人数(人)` → 人, `无障碍改造户数` → 户,
 * `社区康园中心个数(个)` → 个, `门诊发药人次` → 人次.
 */
export function unitFromName(name: string): string | null {
  const n = name.normalize("NFKC").replace(/\s+/g, "");
  const paren = n.match(new RegExp(`[(（](${COUNT_UNITS})[)）]$`));
  if (paren) return paren[1];
  const suffix = n.match(new RegExp(`(${COUNT_UNITS})(数|数量|总数)?$`));
  if (suffix && (suffix[2] || suffix[1] === "人次")) return suffix[1];
  return null;
}

/** A money unit written in a cost indicator's name: `所需费用(万)`, `经费(元)`, `补贴标准（万元）`. */
export function moneyUnitFromName(name: string): "元" | "万元" | null {
  const m = name.normalize("NFKC").match(/[(（]\s*(万元|万|元)\s*[)）]/);
  if (!m) return null;
  return m[1] === "元" ? "元" : "万元";
}

/** Names of rates and shares, whose values are percentages (满意度, 完成率, 覆盖率, 比例 …). */
export function isRateName(name: string): boolean {
  return /满意度|满意率|[^效频利汇税]率|比例|占比|百分比|[%％]/.test(name);
}

/** Rates that cannot exceed 100% (a completion, coverage or satisfaction rate). */
export function isBoundedRateName(name: string): boolean {
  if (/满意度|满意率/.test(name)) return true;
  return (
    /完成|执行|到位|覆盖|合格|达标|发放|知晓|参与|及时|准确|达成|入学|就业|使用|利用|支付|验收|通过|规范|正确|出勤|受益|兑现|落实|办结|回复/.test(
      name,
    ) && /率|比例|占比/.test(name)
  );
}

export function isSatisfactionName(name: string): boolean {
  return /满意/.test(name);
}
