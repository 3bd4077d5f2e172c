/**
 * What the text above a table says: its title (`1.综合服务园区…绩效目标表`), the unit that publishes it
 * (`563201天津市残疾人康复服务指导中心`) and the unit amounts are stated in (`单位：万元`).
 */
import { detectAmountUnit } from "./amount.ts";

export interface TableContext {
  title: string | null;
  unitCode: string | null;
  unit: string | null;
  statedUnit: "万元" | "元" | null;
}

const TITLE = /(绩效目标表|目标表|绩效表|申报表|目标申报表)\s*([(（][^)）]*[)）])?\s*$/;
const UNIT_STATEMENT = /[(（]?\s*(金额)?单位\s*[:：]\s*(万元|元)\s*[)）]?/;

export function readContext(lines: string[]): TableContext {
  const clean = lines.map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l.length > 0);
  let title: string | null = null;
  let unitCode: string | null = null;
  let unit: string | null = null;
  for (const line of clean) {
    if (TITLE.test(line) && line.length <= 80) {
      title = line.replace(UNIT_STATEMENT, "").trim();
      unitCode = null; // a new title: unit lines before it belonged to an earlier table
      unit = null;
      continue;
    }
    const rest = line.replace(UNIT_STATEMENT, "").trim();
    const m = rest.match(/^(\d{6,12})\s*[-－—:：]?\s*([^\d\s].{1,60})$/);
    if (m && !/[。；;，,]/.test(m[2])) {
      unitCode = m[1];
      unit = m[2].trim();
    } else {
      const named = rest.match(/^(?:单位名称|预算单位|填报单位|编制单位)\s*[:：]\s*(?:(\d{6,12})\s*)?(.+)$/);
      if (named) {
        unitCode = named[1] ?? null;
        unit = named[2].trim();
      }
    }
  }
  return { title, unitCode, unit, statedUnit: detectAmountUnit(clean) };
}
