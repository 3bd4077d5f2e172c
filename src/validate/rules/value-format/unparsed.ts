import { quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { leftover } from "./template-leftover.ts";

export const rule: SubjectRule = {
  id: "value-format/unparsed",
  severity: "info",
  description:
    "A value that could not be read as a number, a date, a period or a known phrase (较显著, 有所提高, 是). It is " +
    "kept as printed; the checks that need a number skip it. Template placeholders are reported by " +
    "value-format/template-leftover instead.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const t = ind.target;
      const parts = t.kind === "compound" ? t.parts : [t];
      const bad = parts.find((p) => p.kind === "unparsed");
      if (!bad || bad.kind !== "unparsed" || leftover(ind.value)) continue; // template leftovers have their own rule
      drafts.push({
        subject,
        cells: valueCell(ind),
        message: `指标${quoteIndicator(ind)}的值无法识别为数值、日期或常用表述（${bad.reason}）。`,
      });
    }
    return drafts;
  },
};

export default rule;
