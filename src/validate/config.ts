/**
 * Validator configuration: thresholds (with defaults and what they mean), severity overrides, and reading a
 * JSON config file such as `.jixiaorc.json`:
 *
 *   { "disable": ["taxonomy/no-cost-indicator"], "enable": [],
 *     "severity": { "measurability": "info", "value-format/unparsed": "off" },
 *     "thresholds": { "money.belowBudgetRatio": 0.7 } }
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { JixiaoError } from "../errors.ts";
import type { Severity } from "../model/types.ts";

export const THRESHOLDS = {
  "money.toleranceRatio": {
    value: 0.005,
    description: "Money comparisons forgive a difference up to this share of the budget (0.005 = 0.5%).",
  },
  "money.toleranceYuan": { value: 1, description: "…and always at least this many 元 (rounding of printed amounts)." },
  "money.belowBudgetRatio": {
    value: 0.8,
    description: "Cost lines that together reach less than this share of the budget are a warning; between it and the budget, info.",
  },
  "money.bareAmountMinRatio": {
    value: 0.001,
    description: "A cost amount printed without a unit is plausible in a unit when it is at least this share of the budget…",
  },
  "money.bareAmountMaxRatio": { value: 3, description: "…and at most this multiple of the budget." },
  "arithmetic.toleranceYuan": {
    value: 100,
    description: "Budget sums (预算数 = 财政资金 + 其他资金, 合计 rows) forgive this many 元 (amounts printed to 0.01万元)…",
  },
  "arithmetic.toleranceRatio": { value: 0.0005, description: "…or this share of the total, whichever is larger." },
  "satisfaction.floor": { value: 80, description: "A satisfaction target below this percentage is reported (info)." },
  "consistency.goalTolerance": {
    value: 0.05,
    description: "A number in the goal text within this relative distance of an indicator's bound is taken as agreeing.",
  },
  "spendingPlan.tolerance": { value: 0.5, description: "Percentage points forgiven when checking a spending plan." },
} as const;

export type ThresholdName = keyof typeof THRESHOLDS;
export type Thresholds = Record<ThresholdName, number>;

export function defaultThresholds(): Thresholds {
  return Object.fromEntries(Object.entries(THRESHOLDS).map(([k, v]) => [k, v.value])) as Thresholds;
}

/** Defaults overlaid with the numbers given; unknown names are ignored here (loadConfig rejects them). */
export function resolveThresholds(given: Record<string, number> | undefined): Thresholds {
  const t = defaultThresholds();
  for (const [k, v] of Object.entries(given ?? {})) {
    if (k in t && typeof v === "number" && Number.isFinite(v)) t[k as ThresholdName] = v;
  }
  return t;
}

/** The family of a rule id: the part before `/`. */
export function familyOf(id: string): string {
  return id.split("/")[0];
}

/** Whether an id-or-family selector names this rule. */
export function selects(selector: string, ruleId: string): boolean {
  return selector === ruleId || selector === familyOf(ruleId);
}

/** The configured severity for a rule: an exact id beats its family; undefined when not configured. */
export function configuredSeverity(overrides: Record<string, Severity | "off"> | undefined, ruleId: string): Severity | "off" | undefined {
  if (!overrides) return undefined;
  return overrides[ruleId] ?? overrides[familyOf(ruleId)];
}

const SeverityOrOff = z.enum(["error", "warning", "info", "off"]);

const ConfigFileSchema = z
  .object({
    $schema: z.string().optional(),
    enable: z.array(z.string()).optional(),
    disable: z.array(z.string()).optional(),
    severity: z.record(z.string(), SeverityOrOff).optional(),
    thresholds: z.record(z.string(), z.number()).optional(),
  })
  .strict();

export type ConfigFile = Omit<z.infer<typeof ConfigFileSchema>, "$schema">;

/** Parse config JSON text; `knownSelectors` are the rule ids and families that exist. */
export function parseConfig(text: string, file: string, knownSelectors: Set<string>): ConfigFile {
  const fail = (reason: string): never => {
    throw new JixiaoError("usage", `bad config file: ${reason}`, file);
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    fail(`not valid JSON (${(err as Error).message.split("\n")[0]})`);
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join(".") : "top level";
    fail(`${where}: ${issue.message}`);
  }
  const cfg = parsed.data!;
  const unknownRule = [...(cfg.enable ?? []), ...(cfg.disable ?? []), ...Object.keys(cfg.severity ?? {})].find(
    (s) => !knownSelectors.has(s),
  );
  if (unknownRule !== undefined) fail(`unknown rule or family "${unknownRule}" (see \`jixiao rules\`)`);
  const unknownThreshold = Object.keys(cfg.thresholds ?? {}).find((k) => !(k in THRESHOLDS));
  if (unknownThreshold !== undefined) {
    fail(`unknown threshold "${unknownThreshold}" (known: ${Object.keys(THRESHOLDS).join(", ")})`);
  }
  const { $schema: _ignored, ...rest } = cfg;
  return rest;
}

export async function readConfigFile(path: string, knownSelectors: Set<string>): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (err as Error).message;
    throw new JixiaoError("usage", `cannot read config file: ${reason}`, path);
  }
  return parseConfig(text, path, knownSelectors);
}
