/** The library: everything the CLI does, as typed functions. */
export { extract, extractGrid, type Input } from "./extract.ts";
export { interpret } from "./interpret/index.ts";
export { readGrid, detectFormat } from "./formats/index.ts";
export { parseValue } from "./interpret/value.ts";
export { validate, listRules, loadConfig, type RuleInfo, type ValidateOptions, type ValidatorConfig } from "./validate/index.ts";
export { renderReport, reachesFailLevel, type ReportFormat, type DocumentResult } from "./report/index.ts";
export { JixiaoError, describeError } from "./errors.ts";
export { documentJsonSchema, findingJsonSchema } from "./model/json-schema.ts";
export * from "./model/schema.ts";
export type * from "./model/types.ts";
export type { Cell, Table, GridDocument, SourceFormat } from "./grid/types.ts";
export { toMatrix } from "./grid/matrix.ts";
export * from "./output/index.ts";
export * from "./batch/index.ts";
