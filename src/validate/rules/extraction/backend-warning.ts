import type { Diagnostic } from "../../../model/types.ts";
import { extractionRule } from "./diagnostic.ts";

/**
 * What the format backends say (src/formats), in words for a budget officer. Each entry: the backend's wording
 * and what it means for the extracted data. Unknown wordings are quoted as they are.
 */
const KNOWN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^page (\d+): no text layer \(scanned\?\)$/, (m) => `第${m[1]}页没有可读取的文字（可能是扫描件或图片），该页的内容没有被提取`],
  [
    /^page (\d+): a large image with no text over it \(a scanned table\?\)$/,
    (m) => `第${m[1]}页有一张上面没有文字的大图片（可能是扫描的表格），图片中的内容没有被提取`,
  ],
  [/^page (\d+): damaged, skipped\b/, (m) => `第${m[1]}页已损坏，已跳过，该页的内容没有被提取`],
  [/^no tables in this (page|document)$/, () => "文件中没有找到表格，没有提取到任何绩效目标数据"],
  [/^embedded content (.+) \(w:altChunk\) not read$/, (m) => `文档中嵌入的内容（${m[1]}）没有被读取`],
  [
    /^the page declares charset (\S+) but its bytes are UTF-8; read as UTF-8$/,
    (m) => `网页声明的文字编码（${m[1]}）与实际内容不符，已按UTF-8读取，个别文字可能有误`,
  ],
  [/^unknown charset (\S+); read as GB18030$/, (m) => `网页声明了无法识别的文字编码（${m[1]}），已按GB18030读取，个别文字可能是乱码`],
  [
    /^the page declares UTF-8 but its bytes are not; read as GB18030$/,
    () => "网页声明的文字编码（UTF-8）与实际内容不符，已按GB18030读取，个别文字可能是乱码",
  ],
  [
    /^(\d+) byte sequences? not valid in (\S+) replaced by �$/,
    (m) => `有${m[1]}处文字在${m[2]}编码下无法识别，已替换为“�”，相关文字可能是乱码`,
  ],
];

function translate(d: Diagnostic): string | null {
  const text = d.message.trim();
  for (const [re, say] of KNOWN) {
    const m = text.match(re);
    if (m) return say(m);
  }
  return null;
}

export const rule = extractionRule(
  "backend-warning",
  "warning",
  "The PDF, Word or HTML reader noticed something that may leave data out or garble it: a page without a text " +
    "layer (a scan), a damaged page, a large image over a table, an embedded part not read, a wrong text encoding. " +
    "What it covers may be missing from the extracted data.",
  (d, { place }) => {
    const said = translate(d);
    const what = said ?? `读取文件时出现提示“${d.message.trim()}”`;
    return `${what}${place}。提取出的数据可能不完整或有误；请对照原文件核对${said ? "相应内容" : ""}。`;
  },
  // Unknown wordings are quoted in the message already; known ones are said in Chinese.
  () => false,
);

export default rule;
