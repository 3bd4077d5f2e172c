/**
 * The library: what README's "Library" section documents, listed name by name. Everything else under src/ (the
 * batch runner and its worker pool, atomic files, output paths and sinks, the CLI) is internal and may change;
 * test/architecture.test.ts keeps this list explicit: `export *` only from src/model/, the model's definition.
 */

// Reading: a file or bytes → grid → model.
export { extract, extractGrid, type Input } from "./extract.ts";
export { readGrid, detectFormat, type DetectedFormat } from "./formats/index.ts";
export { interpret } from "./interpret/index.ts";
export { parseValue } from "./interpret/value.ts";

// The grid: what readGrid/extractGrid return.
export type { Cell, Table, GridDocument, SourceFormat } from "./grid/types.ts";
export { toMatrix } from "./grid/matrix.ts";

// The model: zod schemas, the types inferred from them, their JSON Schemas.
export * from "./model/schema.ts";
export type * from "./model/types.ts";
export { documentJsonSchema, findingJsonSchema } from "./model/json-schema.ts";

// Validation and reports.
export { validate, listRules, loadConfig } from "./validate/index.ts";
export type { RuleInfo, ValidateOptions, ValidatorConfig } from "./validate/types.ts";
export { renderReport, reachesFailLevel } from "./report/index.ts";
export type { ReportFormat, DocumentResult } from "./report/types.ts";

// Writers: the documents as `jixiao extract` writes them (JSON, NDJSON, CSV), grids as `jixiao tables` does.
export { documentJson, documentNdjsonLine } from "./output/json.ts";
export { documentCsv, csvColumns, csvColumnDescriptions, type CsvLevel, type CsvOptions } from "./output/csv.ts";
export { gridJson, gridCsv, type MergedSlots } from "./output/grid.ts";

// Errors: one line for the user.
export { JixiaoError, describeError, type ErrorKind } from "./errors.ts";
