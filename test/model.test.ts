import { describe, expect, it } from "vitest";
import { documentJsonSchema } from "../src/model/json-schema.ts";
import { canonicalLevel1, canonicalLevel2, stripLabel } from "../src/interpret/taxonomy.ts";

describe("model", () => {
  it("generates a JSON Schema with the document's top-level keys", () => {
    const schema = documentJsonSchema() as { properties: Record<string, unknown>; $schema: string; required: string[] };
    expect(schema.$schema).toContain("2020-12");
    expect(Object.keys(schema.properties)).toEqual(["source", "projects", "departments", "totals", "warnings", "findings"]);
    expect(schema.required).not.toContain("findings");
  });
});

describe("taxonomy", () => {
  it("strips codes and spaces from labels", () => {
    expect(stripLabel("11-数量指标")).toBe("数量指标");
    expect(stripLabel("1-产出指标")).toBe("产出指标");
    expect(stripLabel("服务对象 满意度指标")).toBe("服务对象满意度指标");
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
