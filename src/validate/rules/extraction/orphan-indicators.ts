import { extractionRule } from "./diagnostic.ts";

export const rule = extractionRule(
  "orphan-indicators",
  "warning",
  "Indicator rows came before any project (no 项目名称 above them), so they were given to no project. A project's " +
    "indicators may be missing: often its name or header was not recognised.",
  (_d, { place }) =>
    `有绩效指标行出现在任何项目名称之前${place}，无法判断属于哪个项目，没有计入任何项目。` +
    `相关项目的绩效指标可能不完整（常见原因是项目名称或表头没有被识别）；请对照原表核对这些指标属于哪个项目。`,
);

export default rule;
