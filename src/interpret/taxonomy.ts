/**
 * The indicator taxonomy: canonical level-1/level-2 names, their synonyms, and which level-2 belongs
 * under which level-1. Shared by the interpreter (canonicalising labels) and the validator (taxonomy rules).
 */

export const LEVEL1 = ["产出指标", "成本指标", "效益指标", "满意度指标"] as const;
export type Level1 = (typeof LEVEL1)[number];

/** Level-2 canonical names and the level-1 groups they may stand under (成本指标 appears in both layouts). */
export const LEVEL2_PARENTS: Record<string, Level1[]> = {
  数量指标: ["产出指标"],
  质量指标: ["产出指标"],
  时效指标: ["产出指标"],
  成本指标: ["产出指标"],
  经济成本指标: ["成本指标"],
  社会成本指标: ["成本指标"],
  生态环境成本指标: ["成本指标"],
  经济效益指标: ["效益指标"],
  社会效益指标: ["效益指标"],
  生态效益指标: ["效益指标"],
  可持续影响指标: ["效益指标"],
  服务对象满意度指标: ["满意度指标"],
};

/** Strip codes (`1-`, `11-`, `0101-`, `（一）`, `1.`, outline numbers `1.1`, `2.3.`), spaces, and brackets noise from a label. */
export function stripLabel(label: string): string {
  return label
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^[（(]?[0-9一二三四五六七八九十]+(?:[.．][0-9]+)*[)）]?[-－—.、．:：]*/, "")
    .replace(/[*＊]/g, "");
}

const LEVEL1_SYNONYMS: [RegExp, Level1][] = [
  [/^(项目)?产出(指标)?$|^项目完成(指标)?$|^产出[(（]工作量[)）](指标)?$|^产出指标[(（].*[)）]$/, "产出指标"],
  [/^(项目)?(效益|效果)(指标)?$|^效益指标[(（].*[)）]$/, "效益指标"],
  [/^满意度(指标)?$|^(社会公众或|服务对象)?满意度指标$/, "满意度指标"],
  [/^成本(指标)?$/, "成本指标"],
];

const LEVEL2_SYNONYMS: [RegExp, string][] = [
  [/^数量(指标)?$/, "数量指标"],
  [/^质量(指标)?$/, "质量指标"],
  [/^时效(指标)?$|^进度(指标)?$/, "时效指标"],
  [/^(产出)?成本(指标)?$/, "成本指标"],
  [/^经济成本(指标)?$/, "经济成本指标"],
  [/^社会成本(指标)?$/, "社会成本指标"],
  [/^(生态)?环境成本(指标)?$|^生态环境成本(指标)?$/, "生态环境成本指标"],
  [/^经济效益(指标)?$/, "经济效益指标"],
  [/^社会效益(指标)?$/, "社会效益指标"],
  [/^(生态|环境|生态环境)效益(指标)?$/, "生态效益指标"],
  [/^可持续(发展)?影响(指标)?$|^可持续(指标)?$/, "可持续影响指标"],
  [/^(服务对象|社会公众或服务对象|社会公众|受益对象|服务对象及社会公众)满意度(指标)?$|^满意度(指标)?$/, "服务对象满意度指标"],
];

/** Canonical level-1 name for a printed label, or null when it is not a level-1 label. */
export function canonicalLevel1(label: string | null | undefined): Level1 | null {
  if (!label) return null;
  const s = stripLabel(label);
  for (const [re, name] of LEVEL1_SYNONYMS) if (re.test(s)) return name;
  return null;
}

/** Canonical level-2 name for a printed label, or null when it is not a known level-2 label. */
export function canonicalLevel2(label: string | null | undefined): string | null {
  if (!label) return null;
  const s = stripLabel(label);
  for (const [re, name] of LEVEL2_SYNONYMS) if (re.test(s)) return name;
  return null;
}

/** The level-1 group a level-2 name implies when the level-1 cell is missing or wrong. */
export function impliedLevel1(level2: string | null, layout2021 = false): Level1 | null {
  if (!level2) return null;
  const parents = LEVEL2_PARENTS[level2];
  if (!parents) return null;
  if (level2 === "成本指标") return layout2021 ? "成本指标" : "产出指标";
  return parents[0];
}
