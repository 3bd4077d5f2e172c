import type { GridDocument } from "../../grid/types.ts";
import { JixiaoError } from "../../errors.ts";

/** HTML bytes → grid. (stub: being implemented) */
export async function readHtml(_bytes: Uint8Array, file?: string): Promise<GridDocument> {
  throw new JixiaoError("unsupported", "HTML backend not implemented yet", file);
}
