/** Output writers: JSON/NDJSON/CSV serialisation, `tables` grids, atomic files, per-input paths and sinks. */
export { AtomicFile, writeFileAtomic, removeLiveTempFiles } from "./atomic.ts";
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
export { mirrorPath, mirrorPaths, safeSegments, isInside } from "./paths.ts";
export {
  DirectorySink,
  FileTarget,
  StreamSink,
  StreamTarget,
  type DocumentSink,
  type ExtractFormat,
  type TextTarget,
} from "./sinks.ts";
