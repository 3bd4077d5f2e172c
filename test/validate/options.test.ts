import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { describeError, JixiaoError } from "../../src/errors.ts";
import { FindingSchema } from "../../src/model/schema.ts";
import { listRules, loadConfig, validate } from "../../src/validate/index.ts";
import { doc } from "./factory.ts";
import { seed000, seed002康复用品, seed002扶贫基地, seed003, seed004 } from "./seed-projects.ts";

const FAMILIES = [
  "extraction",
  "budget-arithmetic",
  "cost-budget-mismatch",
  "taxonomy",
  "value-format",
  "measurability",
  "spending-plan",
  "consistency",
];

function allSeeds() {
  return doc([...Object.values(seed000).map((f) => f()), ...Object.values(seed003).map((f) => f()), seed002扶贫基地(), seed002康复用品()], {
    departments: [seed004()],
    path: "seeds.pdf",
  });
}

describe("listRules", () => {
  test("stable family/name ids, unique, covering every family, each with a description", () => {
    const rules = listRules();
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect([...new Set(ids.map((id) => id.split("/")[0]))].sort()).toEqual([...FAMILIES].sort());
    for (const r of rules) {
      expect(["error", "warning", "info"]).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(60);
    }
    const measurability = rules.filter((r) => r.id.startsWith("measurability/"));
    expect(measurability.every((r) => r.severity !== "error")).toBe(true);
  });
});

describe("validate over all seed projects", () => {
  test("every finding matches FindingSchema and names its document", () => {
    const findings = validate(allSeeds());
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(FindingSchema.safeParse(f).success).toBe(true);
      expect(f.document).toBe("seeds.pdf");
      expect(f.cells.length).toBeGreaterThan(0);
    }
  });

  test("money and arithmetic findings at warning or above are exactly the must-catch cases", () => {
    const findings = validate(allSeeds(), { enable: ["cost-budget-mismatch", "budget-arithmetic"] }).filter((f) => f.severity !== "info");
    expect(findings.map((f) => [f.project, f.rule, f.severity])).toEqual([
      ["贫困残疾人家庭无障碍改造项目", "cost-budget-mismatch/unit-cost-times-quantity", "error"],
      ["残疾人意外伤害综合保险项目", "cost-budget-mismatch/unit-cost-times-quantity", "error"],
      ["残疾人专门协会工作经费和活动经费项目", "cost-budget-mismatch/stated-total", "warning"],
      ["金凤区残疾人托养中心运营费用", "cost-budget-mismatch/stated-total", "error"],
    ]);
  });
});

describe("options", () => {
  const d = () => doc([seed000.意外伤害保险(), seed002康复用品()]);

  test("enable by family or id; disable by family or id", () => {
    const fam = validate(d(), { enable: ["consistency"] });
    expect(fam.map((f) => f.rule)).toEqual(["consistency/goal-vs-indicator"]);
    const id = validate(d(), { enable: ["value-format/glued-range"] });
    expect(new Set(id.map((f) => f.rule))).toEqual(new Set(["value-format/glued-range"]));
    const all = validate(d());
    const noValue = validate(d(), { disable: ["value-format"] });
    expect(noValue.some((f) => f.rule.startsWith("value-format/"))).toBe(false);
    expect(noValue.length).toBeLessThan(all.length);
    const noGlued = validate(d(), { disable: ["value-format/glued-range"] });
    expect(noGlued.some((f) => f.rule === "value-format/glued-range")).toBe(false);
  });

  test("severity overrides: the id beats the family; off disables", () => {
    const cfg = { severity: { "cost-budget-mismatch": "info", "cost-budget-mismatch/unit-cost-times-quantity": "warning" } } as const;
    const f = validate(d(), { enable: ["cost-budget-mismatch"], config: cfg });
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    const off = validate(d(), { config: { severity: { "value-format": "off" } } });
    expect(off.some((x) => x.rule.startsWith("value-format/"))).toBe(false);
  });

  test("thresholds change results: a wide tolerance forgives 20万 vs 15万", () => {
    const p = doc([seed000.无障碍改造()]);
    expect(validate(p, { enable: ["cost-budget-mismatch"] })).toHaveLength(1);
    expect(validate(p, { enable: ["cost-budget-mismatch"], config: { thresholds: { "money.toleranceRatio": 0.5 } } })).toEqual([]);
  });

  test("enable/disable inside a config object (as loadConfig returns it) are honoured", () => {
    const f = validate(d(), { config: { disable: ["value-format", "taxonomy", "measurability"] } as never });
    expect(f.every((x) => !/^(value-format|taxonomy|measurability)\//.test(x.rule))).toBe(true);
  });
});

describe("loadConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-config-"));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  test("reads severities, thresholds, enable and disable", async () => {
    const p = write(
      ".jixiaorc.json",
      JSON.stringify({
        disable: ["taxonomy/no-cost-indicator"],
        severity: { measurability: "info", "value-format/unparsed": "off" },
        thresholds: { "money.belowBudgetRatio": 0.7 },
      }),
    );
    const cfg = await loadConfig(p);
    expect(cfg).toEqual({
      disable: ["taxonomy/no-cost-indicator"],
      severity: { measurability: "info", "value-format/unparsed": "off" },
      thresholds: { "money.belowBudgetRatio": 0.7 },
    });
    const f = validate(doc([seed002扶贫基地()]), { config: cfg });
    expect(f.some((x) => x.rule === "taxonomy/no-cost-indicator")).toBe(false);
  });

  const bad: [string, string, RegExp][] = [
    ["broken.json", "{ not json", /not valid JSON/],
    ["rule.json", JSON.stringify({ disable: ["money/none"] }), /unknown rule or family "money\/none"/],
    ["threshold.json", JSON.stringify({ thresholds: { tolerance: 1 } }), /unknown threshold "tolerance"/],
    ["severity.json", JSON.stringify({ severity: { taxonomy: "fatal" } }), /severity\.taxonomy/],
    ["extra.json", JSON.stringify({ rules: {} }), /bad config file/],
  ];
  for (const [name, text, re] of bad) {
    test(`rejects ${name} with one usage line`, async () => {
      const p = write(name, text);
      const err = await loadConfig(p).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JixiaoError);
      expect((err as JixiaoError).kind).toBe("usage");
      const line = describeError(err);
      expect(line).toMatch(re);
      expect(line.startsWith(p)).toBe(true);
      expect(line).not.toContain("\n");
    });
  }

  test("a missing file is a usage error too", async () => {
    const err = await loadConfig(join(dir, "nope.json")).catch((e: unknown) => e);
    expect((err as JixiaoError).kind).toBe("usage");
    expect(describeError(err)).toMatch(/no such file/);
  });
});

describe("precision across all families", () => {
  test("seed 003's projects (a careful Word table) raise no error or warning in any rule", () => {
    const d = doc(Object.values(seed003).map((f) => f()));
    expect(
      validate(d)
        .filter((f) => f.severity !== "info")
        .map((f) => `${f.rule}: ${f.message}`),
    ).toEqual([]);
  });
  test("seed 000's consistent projects raise no error in any rule", () => {
    const d = doc([seed000.就业保障金(), seed000.组织建设(), seed000.聘用人员(), seed000.助残日(), seed000.换届()]);
    expect(validate(d).filter((f) => f.severity === "error")).toEqual([]);
  });
});
