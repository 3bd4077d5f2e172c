/**
 * generateCase(seed) → the choices, the content-spec blocks, the grid and the expected model of one
 * generated document. Pure and deterministic: the same seed always gives the same case.
 */
import type { GridDocument } from "../../src/grid/types.ts";
import { compose, type AbsDoc } from "./compose.ts";
import type { Choices } from "./dimensions.ts";
import { expectedOf, type Expected } from "./expected.ts";
import { toGrid } from "./grid.ts";
import { render, type Block } from "./render.ts";

export interface GeneratedCase {
  seed: number;
  choices: Choices;
  blocks: Block[];
  grid: GridDocument;
  expected: Expected;
  /** The generator's own document, for debugging and the sanity tests. */
  doc: AbsDoc;
}

export function generateCase(seed: number): GeneratedCase {
  const { choices, doc } = compose(seed);
  const blocks = render(doc, choices, seed);
  return {
    seed,
    choices,
    blocks,
    grid: toGrid(blocks, { joinBreaks: choices.breakAs === "joined", compact: choices.gridColumns === "compact" }),
    expected: expectedOf(doc, choices),
    doc,
  };
}

export { DIMENSIONS, chooseAll, type Choices } from "./dimensions.ts";
export type { Block } from "./render.ts";
export type { Expected } from "./expected.ts";
