import type { GridDocument } from "../../grid/types.ts";
import { JixiaoError } from "../../errors.ts";

/** .docx bytes → grid. (stub: being implemented) */
export async function readDocx(_bytes: Uint8Array, file?: string): Promise<GridDocument> {
  throw new JixiaoError("unsupported", "Word backend not implemented yet", file);
}
