import { describe, expect, it } from "vitest";
import { documentJsonSchema } from "../src/model/json-schema.ts";
import { fieldOf, indicatorColumnOf } from "../src/interpret/vocabulary.ts";
import { canonicalLevel1, canonicalLevel2, stripLabel } from "../src/interpret/vocabulary.ts";

describe("model", () => {
  it("generates a JSON Schema with the document's top-level keys", () => {
    const schema = documentJsonSchema() as { properties: Record<string, unknown>; $schema: string; required: string[] };
    expect(schema.$schema).toContain("2020-12");
    expect(Object.keys(schema.properties)).toEqual(["source", "projects", "departments", "totals", "warnings", "diagnostics", "findings"]);
    expect(schema.required).not.toContain("findings");
  });
});

describe("taxonomy", () => {
  it("strips codes and spaces from labels", () => {
    expect(stripLabel("11-数量指标")).toBe("数量指标");
    expect(stripLabel("1-产出指标")).toBe("产出指标");
    expect(stripLabel("服务对象 满意度指标")).toBe("服务对象满意度指标");
    // Outline numbers of budget-system exports.
    expect(stripLabel("1.1数量指标")).toBe("数量指标");
    expect(stripLabel("2.3.社会效益指标")).toBe("社会效益指标");
    expect(stripLabel("（一）产出指标")).toBe("产出指标");
  });
  it("names matrix columns through a bracketed qualifier, and period labels", () => {
    expect(indicatorColumnOf("指标值（年度）")).toBe("value");
    expect(indicatorColumnOf("年度指标值（2024年）")).toBe("value");
    expect(indicatorColumnOf("指标值及计量单位")).toBe("value");
    expect(indicatorColumnOf("预期指标值")).toBe("value");
    expect(indicatorColumnOf("评（扣）分标准")).toBe("basis");
    expect(indicatorColumnOf("指标方向")).toBe("direction");
    expect(indicatorColumnOf("分值")).toBe("score"); // a known column that holds no model field
    expect(fieldOf("项目实施周期")).toBe("period");
    expect(fieldOf("项目起止年限")).toBe("period");
    // The multi-year total of a 申报表 is not this year's budget.
    expect(fieldOf("项目总预算")).toBeNull();
  });
  it("canonicalises synonyms", () => {
    expect(canonicalLevel1("效果指标")).toBe("效益指标");
    expect(canonicalLevel1("项目效益指标")).toBe("效益指标");
    expect(canonicalLevel1("2-效益指标")).toBe("效益指标");
    expect(canonicalLevel1("数量指标")).toBeNull();
    expect(canonicalLevel2("21-经济效益")).toBe("经济效益指标");
    expect(canonicalLevel2("环境效益")).toBe("生态效益指标");
    expect(canonicalLevel2("24-可持续影响")).toBe("可持续影响指标");
    expect(canonicalLevel2("31-服务对象满意度")).toBe("服务对象满意度指标");
    expect(canonicalLevel2("社会公众或服务对象满意度")).toBe("服务对象满意度指标");
    expect(canonicalLevel2("保障托养中心运营")).toBeNull();
  });
});
