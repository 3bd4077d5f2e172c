import type { GridDocument } from "../grid/types.ts";
import type { Document, Source } from "../model/types.ts";

/** Grids → model. (stub: being implemented) */
export function interpret(grid: GridDocument, source: Source): Document {
  return { source, projects: [], departments: [], totals: [], warnings: [...grid.warnings] };
}
