/** The parts of the Target union that the value grammar builds, named for the helpers. */
import type { Target } from "../../model/types.ts";

export type BaseTarget = Exclude<Target, { kind: "compound" }>;
export type QuantityTarget = Extract<Target, { kind: "quantity" }>;
export type DateTarget = Extract<Target, { kind: "date" }>;
export type DurationTarget = Extract<Target, { kind: "duration" }>;
export type ScheduleTarget = Extract<Target, { kind: "schedule" }>;
export type QualitativeTarget = Extract<Target, { kind: "qualitative" }>;
export type UnparsedTarget = Extract<Target, { kind: "unparsed" }>;
export type Polarity = QualitativeTarget["polarity"];
export type DurationUnit = DurationTarget["unit"];

export function unparsed(text: string, reason: string): UnparsedTarget {
  return { kind: "unparsed", text, reason };
}
