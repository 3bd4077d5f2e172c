import type { GridDocument } from "../grid/types.ts";
import { JixiaoError } from "../errors.ts";
import { detectFormat, zipKind, type DetectedFormat } from "./detect.ts";
import { readHtml } from "./html/index.ts";
import { oleError, readDocx } from "./docx/index.ts";
import { readPdf } from "./pdf/index.ts";

export { detectFormat, type DetectedFormat };

/** Bytes → grid, dispatching on the detected format. Throws JixiaoError with a one-line reason. */
export async function readGrid(bytes: Uint8Array, file?: string, format = detectFormat(bytes, file)): Promise<GridDocument> {
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
        throw new JixiaoError("unsupported", "OpenDocument text (.odt) is not supported; convert it to .docx first (soffice --headless --convert-to docx FILE)", file);
      }
      throw new JixiaoError("unsupported", "a zip archive that is not a Word document", file);
    case "json":
      throw new JixiaoError("unsupported", "JSON is a jixiao output, not a document to extract", file);
    default:
      throw new JixiaoError("unsupported", "not a PDF, Word (.docx) or HTML document", file);
  }
}
