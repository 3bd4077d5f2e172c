/**
 * Input and resource limits: every bound that turns a hostile or absurd input into one clear line instead of a
 * hang, a stack overflow or unbounded memory. Each constant is named by the decision it controls and its unit is
 * in its name or comment. The README's "Limits" table lists them; change both together.
 *
 * Sections are owned by the stage that enforces them (inputs, output, Word, HTML, PDF, workers).
 */

// ── inputs (reading a file from disk) ───────────────────────────────────────────────────────────────────────

// ── output (writing results) ────────────────────────────────────────────────────────────────────────────────

/** Longest file or folder name written below `-o DIR`, in UTF-8 bytes (Linux NAME_MAX): a longer mirrored name is
 * cut and given a hash of the full name, so `<255-byte name>.pdf` still gets its `.json`. */
export const OUTPUT_NAME_MAX_BYTES = 255;

// ── Word (.docx) ────────────────────────────────────────────────────────────────────────────────────────────

// ── HTML ────────────────────────────────────────────────────────────────────────────────────────────────────

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Text runs (pdf.js text items) on one page; a page with more is skipped with a warning (the densest page of the
 * fixtures has about 500). Read as a stream, so a page of 10^6 runs stops here instead of filling the heap. */
export const PDF_MAX_TEXT_RUNS_PER_PAGE = 50_000;

/** Drawing operators on one page (pdf.js operator list, form XObjects expanded); a page with more is skipped with a
 * warning. The list is counted as pdf.js delivers it, in chunks, and abandoned at the limit (the fixtures' busiest
 * page has a few thousand). */
export const PDF_MAX_OPERATORS_PER_PAGE = 200_000;

/** Ruling-line segments on one page (before collinear pieces are joined); a page with more is skipped with a warning.
 * One path operator can hold any number of segments, so this is counted apart from the operators. */
export const PDF_MAX_RULINGS_PER_PAGE = 20_000;

/** Text runs on a page above which no borderless table is looked for (the search compares text blocks with each
 * other); such a page keeps its ruled tables and its text as lines, with a warning. */
export const PDF_MAX_RUNS_FOR_BORDERLESS = 5_000;

/** Slots (rows × columns) of one ruled table's grid; a larger grid is not read as a table, with a warning. */
export const PDF_MAX_GRID_SLOTS = 250_000;

/** Geometry (text boxes, ruling lines) is clamped to the page box grown by this many points on every side: lines
 * drawn past the page edge keep their visible part, a rule 10^9 points tall becomes a page-high one. */
export const PDF_PAGE_MARGIN_PT = 144;

/** Largest page side (points) taken from a page box (the PDF 2.0 maximum at the default user unit); a larger
 * box is read as this large, so no coordinate-sized work grows past it. */
export const PDF_MAX_PAGE_SIDE_PT = 14_400;

// ── workers ─────────────────────────────────────────────────────────────────────────────────────────────────
export {};
