/**
 * The format layer's entry: detection and one reader per format. The backends (html/, docx/, pdf/) never import
 * each other; where one needs another (a Word file embedding an HTML page) it is wired here.
 */
import type { GridDocument } from "../grid/types.ts";
import { JixiaoError } from "../errors.ts";
import { detectFormat, inputLimit, tooLargeMessage, zipKind, type DetectedFormat } from "./detect.ts";
import { readHtml, walkHtmlPage } from "./html/index.ts";
import { oleError, readDocxPackage } from "./docx/index.ts";
import { readPdf } from "./pdf/index.ts";

export { detectFormat, readHtml, readPdf, type DetectedFormat };

/** .docx bytes → grid; HTML pages embedded with `w:altChunk` are read by the HTML backend, in place. */
export function readDocx(bytes: Uint8Array, file?: string): Promise<GridDocument> {
  return readDocxPackage(bytes, file, walkHtmlPage);
}

/** Bytes → grid, dispatching on the detected format. Throws JixiaoError with a one-line reason. */
export async function readGrid(bytes: Uint8Array, file?: string, format = detectFormat(bytes, file)): Promise<GridDocument> {
  // Bytes handed over directly (stdin, a library caller) are held to the same size limits as files read from disk.
  if (bytes.length > inputLimit(format).bytes) throw new JixiaoError("too-large", tooLargeMessage(format, bytes.length), file);
  switch (format) {
    case "html":
      return readHtml(bytes, file);
    case "docx":
      return readDocx(bytes, file);
    case "pdf":
      return readPdf(bytes, file);
    case "doc":
    case "encrypted":
      throw oleError(bytes, file);
    case "xlsx":
      throw new JixiaoError("unsupported", "Excel files are not supported yet; save the sheet as HTML or PDF", file);
    case "zip":
      if (zipKind(bytes) === "odt") {
        throw new JixiaoError(
          "unsupported",
          "OpenDocument text (.odt) is not supported; convert it to .docx first (soffice --headless --convert-to docx FILE)",
          file,
        );
      }
      throw new JixiaoError("unsupported", "a zip archive that is not a Word document", file);
    case "json":
      throw new JixiaoError("unsupported", "JSON is a jixiao output, not a document to extract", file);
    default:
      throw new JixiaoError("unsupported", "not a PDF, Word (.docx) or HTML document", file);
  }
}
