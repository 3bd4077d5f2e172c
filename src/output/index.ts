/** Output writers: JSON/NDJSON/CSV serialisation, `tables` grids, atomic files, per-input paths and sinks. */
export { AtomicFile, writeFileAtomic, removeLiveTempFiles, type WriteFn } from "./atomic.ts";
export { documentJson, documentNdjsonLine, JsonArrayWriter, parseDocumentsJson, type DocumentWithFindings } from "./json.ts";
export {
  csvColumns,
  csvColumnDescriptions,
  csvHeader,
  csvRows,
  documentCsv,
  documentCsvRows,
  formatCsvRows,
  type CsvLevel,
  type CsvOptions,
} from "./csv.ts";
export { gridCsv, gridJson, type MergedSlots } from "./grid.ts";
export { mirrorPath, mirrorPaths, planOutputPaths, safeSegments, isInside, type OutputPlan, type OutputRename } from "./paths.ts";
export { classifyOutput, type OutputKind } from "./target.ts";
export {
  DirectorySink,
  FileTarget,
  OutputWriteError,
  StreamSink,
  StreamTarget,
  type DocumentSink,
  type ExtractFormat,
  type TextTarget,
} from "./sinks.ts";
