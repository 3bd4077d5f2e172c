import { extractionRule, who } from "./diagnostic.ts";

export const rule = extractionRule(
  "unplaced-rows",
  "warning",
  "Rows that look like indicators fit no indicator matrix (一级/二级/三级指标, 指标值 columns) and were not read. " +
    "The indicators of the project (or of the document) may be incomplete.",
  (_d, { subject, place }) =>
    `有看起来像绩效指标的行${place}对应不上指标表的栏目（一级指标、二级指标、三级指标、指标值），没有被读取。` +
    `${who(subject)}的绩效指标可能不完整；请对照原表核对这些行。`,
);

export default rule;
