/**
 * The validator on real documents, read by the real backends: the must-catch cases of the seeds are caught in
 * every format, and nothing else in the corpus raises a money finding (precision matters as much as recall).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract.ts";
import { validate } from "../../src/validate/index.ts";

const fixtures = new URL("../../fixtures/", import.meta.url).pathname;
const money = (rule: string) => /^(cost-budget-mismatch|budget-arithmetic)\//.test(rule);

describe("validator on the seed documents", () => {
  for (const file of ["doc.lo.pdf", "doc.docx", "doc.gbk.html"]) {
    it(`seed 000 ${file}: catches the four money contradictions and nothing else`, async () => {
      const doc = await extract(join(fixtures, "seeds/000-yinchuan-jinfeng-2023", file));
      const found = validate(doc)
        .filter((f) => money(f.rule) && f.severity !== "info")
        .map((f) => [f.project, f.rule, f.severity]);
      expect(found).toEqual([
        ["贫困残疾人家庭无障碍改造项目", "cost-budget-mismatch/unit-cost-times-quantity", "error"],
        ["残疾人意外伤害综合保险项目", "cost-budget-mismatch/unit-cost-times-quantity", "error"],
        ["残疾人专门协会工作经费和活动经费项目", "cost-budget-mismatch/stated-total", "warning"],
        ["金凤区残疾人托养中心运营费用", "cost-budget-mismatch/stated-total", "error"],
      ]);
      const f = validate(doc).find((x) => x.project === "残疾人意外伤害综合保险项目" && x.rule.startsWith("consistency/"));
      expect(f?.message).toContain("6000");
      const unitCost = validate(doc).find((x) => x.project === "贫困残疾人家庭无障碍改造项目" && money(x.rule))!;
      expect(unitCost.numbers).toMatchObject({ expected: 15, actual: 20, difference: 5, unit: "万元" });
      expect(unitCost.cells.length).toBeGreaterThanOrEqual(2);
    });
  }

  it("seed 002: flags the glued ranges 85100 and 90100", async () => {
    const doc = await extract(join(fixtures, "seeds/002-qinhuangdao-beidaihe-2020/doc.docx"));
    const glued = validate(doc).filter((f) => f.rule === "value-format/glued-range");
    const values = glued.map((f) => f.cells.map((c) => c.text).join(" "));
    expect(values.some((v) => v.includes("85100"))).toBe(true);
    expect(values.some((v) => v.includes("90100"))).toBe(true);
  });

  it("seed 003 project 1 (≤38.2+≤4.7+≤3.1+≤50.4+≤2 = 98.4) is silent in the money rules", async () => {
    const doc = await extract(join(fixtures, "seeds/003-tianjin-cdpf-2023/doc.lo.pdf"));
    expect(doc.projects[0].budget.total).toBe(98.4);
    expect(validate(doc).filter((f) => f.projectIndex === 0 && money(f.rule))).toEqual([]);
  });

  // layouts/score-standard-columns project 2 is inconsistent on purpose (scripts/fixtures/layouts/build.mjs):
  // 400元/人 for at least 36000 students cannot cost less than 1440万元, over the 1296万元 budget.
  for (const file of ["doc.html", "doc.gbk.html", "doc.docx", "doc.lo.pdf", "doc.chromium.pdf"]) {
    it(`layouts/score-standard-columns ${file}: catches the unit cost over budget and nothing else`, async () => {
      const doc = await extract(join(fixtures, "layouts/score-standard-columns", file));
      const found = validate(doc).filter((f) => money(f.rule) && f.severity !== "info");
      expect(found.map((f) => [f.project, f.rule, f.severity])).toEqual([
        ["中小学生课后服务补助", "cost-budget-mismatch/unit-cost-times-quantity", "error"],
      ]);
      expect(found[0].numbers).toMatchObject({ expected: 1296, actual: 1440, difference: 144, unit: "万元" });
      expect(found[0].cells.length).toBeGreaterThanOrEqual(2);
    });
  }

  /** Findings the layout fixtures carry on purpose, checked above: not false positives. */
  const deliberate = new Set(["layouts/score-standard-columns 中小学生课后服务补助 cost-budget-mismatch/unit-cost-times-quantity"]);
  const others = ["seeds", "layouts"].flatMap((g) =>
    readdirSync(join(fixtures, g))
      .filter((d) => !d.startsWith("000-") && existsSync(join(fixtures, g, d, "doc.html")))
      .map((d) => join(g, d)),
  );
  for (const dir of others) {
    it(`${dir}: no money warning or error on consistent projects`, async () => {
      const doc = await extract(join(fixtures, dir, "doc.html"));
      const money_ = validate(doc).filter(
        (f) => money(f.rule) && f.severity !== "info" && !deliberate.has(`${dir} ${f.project} ${f.rule}`),
      );
      expect(money_.map((f) => `${f.project}: ${f.message}`)).toEqual([]);
    });
  }
});
