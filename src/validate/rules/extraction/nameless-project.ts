import { extractionRule } from "./diagnostic.ts";

export const rule = extractionRule(
  "nameless-project",
  "warning",
  "The reader found a project (a budget, indicators) but could not read its name (项目名称). Its data may be " +
    "incomplete or belong to a neighbouring project: check the project's name and contents against the table.",
  (_d, { place }) =>
    `未能读出该项目的项目名称${place}。这个项目提取出的预算数和绩效指标可能不完整，也可能归到了相邻的项目；` +
    `请对照原表核对“项目名称”一栏及该项目的内容。`,
);

export default rule;
