import { z } from "zod";
import { DocumentSchema, FindingSchema } from "./schema.ts";

/** JSON Schema (draft 2020-12) of the Document model, generated from the zod definition. */
export function documentJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(DocumentSchema), title: "jixiao Document" };
}

export function findingJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(FindingSchema), title: "jixiao Finding" };
}
