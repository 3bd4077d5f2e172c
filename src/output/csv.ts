/**
 * CSV formatting (fast-csv): BOM, header, CRLF rows. The columns and the rows they hold are in csv-columns.ts.
 */
import { writeToString } from "fast-csv";
import type { Document } from "../model/types.ts";
import { csvColumns, csvRows, type CsvLevel } from "./csv-columns.ts";

export { csvColumns, csvColumnDescriptions, csvRows, INDICATOR_COLUMNS, PROJECT_COLUMNS, type CsvLevel } from "./csv-columns.ts";

export interface CsvOptions {
  /** Write the UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
}

const ROW_DELIMITER = "\r\n";
export const BOM = "\uFEFF";

/** BOM (unless disabled) and the header line. */
export async function csvHeader(level: CsvLevel, opts: CsvOptions = {}): Promise<string> {
  const header = await writeToString([], {
    headers: csvColumns(level),
    alwaysWriteHeaders: true,
    rowDelimiter: ROW_DELIMITER,
    includeEndRowDelimiter: true,
  });
  return (opts.bom === false ? "" : BOM) + header;
}

/** Format rows (no header, no BOM), each ended by CRLF. */
export async function formatCsvRows(rows: string[][]): Promise<string> {
  if (rows.length === 0) return "";
  return writeToString(rows, { headers: false, rowDelimiter: ROW_DELIMITER, includeEndRowDelimiter: true });
}

/** The body rows of one document (no header): what a batch appends to a combined CSV. */
export async function documentCsvRows(doc: Document, level: CsvLevel): Promise<string> {
  return formatCsvRows(csvRows(doc, level));
}

/** A complete CSV for one document: BOM, header, rows. */
export async function documentCsv(doc: Document, level: CsvLevel, opts: CsvOptions = {}): Promise<string> {
  return (await csvHeader(level, opts)) + (await documentCsvRows(doc, level));
}
