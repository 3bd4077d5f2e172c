import type { Target } from "../model/types.ts";

/** Parse an indicator value (≥90%, 0.2万元/台, 2023年12月31日前, 有所提高 …) into a typed target. (stub) */
export function parseValue(raw: string): Target {
  const text = raw.trim();
  if (!text) return { kind: "empty" };
  return { kind: "unparsed", text, reason: "value parser not implemented yet" };
}
