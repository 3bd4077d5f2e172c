import { extractionRule } from "./diagnostic.ts";

export const rule = extractionRule(
  "missing-projects",
  "warning",
  "The document's titles or 项目名称 labels suggest more projects than were read. Some projects may be missing " +
    "from the extracted data, and none of the checks covered them.",
  (_d, { doc, place }) =>
    `文档中的标题或“项目名称”显示应有更多项目，但只读出了${doc.projects.length}个项目${place}。` +
    `部分项目可能没有被提取，检查结果不涵盖它们；请对照原文件核对项目的数量。`,
);

export default rule;
