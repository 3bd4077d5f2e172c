import { extractionRule } from "./diagnostic.ts";

export const rule = extractionRule(
  "unread-table",
  "error",
  "A table has the labels of a performance table (一级指标, 三级指标, 指标值 …) but not one indicator could be read " +
    "from it. Its contents are missing from the extracted data and none of the checks covered them.",
  (_d, { subject, place }) =>
    `有一张表格${place}带有绩效指标表的栏目（如一级指标、三级指标、指标值），但没有读出任何指标。` +
    `这张表的内容没有被提取，${subject ? "该项目的" : ""}检查结果不涵盖它；请对照原文件人工核对这张表。`,
);

export default rule;
