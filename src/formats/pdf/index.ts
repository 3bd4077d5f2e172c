import type { GridDocument } from "../../grid/types.ts";
import { JixiaoError } from "../../errors.ts";

/** PDF bytes → grid. (stub: being implemented) */
export async function readPdf(_bytes: Uint8Array, file?: string): Promise<GridDocument> {
  throw new JixiaoError("unsupported", "PDF backend not implemented yet", file);
}
