/**
 * Input and resource limits: every bound that turns a hostile or absurd input into one clear line instead of a
 * hang, a stack overflow or unbounded memory. Each constant is named by the decision it controls and its unit is
 * in its name or comment. The README's "Limits" table lists them; change both together.
 *
 * Sections are owned by the stage that enforces them (inputs, output, Word, HTML, PDF, workers).
 */

// ── inputs (reading a file from disk) ───────────────────────────────────────────────────────────────────────

const MiB = 1024 * 1024;

/** Largest input file, in bytes, by the format its first bytes show. Only regular files are read (a FIFO, a
 * device such as /dev/zero or a socket is refused before it is opened for reading); a file over its format's
 * limit is refused from its size before it is read in full, and reading stops at the limit if it grows. Bytes
 * handed over directly (stdin, the library's `{ path, bytes }`) are held to the same limits. */
export const INPUT_MAX_BYTES = {
  /** pdf.js holds the whole file; the largest fixture is under 1 MB, a 300-page scan ~100 MB. */
  pdf: 256 * MiB,
  /** A zip (and other Office files): only its XML parts are inflated (see the Word limits), images stay
   * compressed and unread. */
  docx: 128 * MiB,
  /** HTML and MHTML: the page is parsed whole, so its size bounds the DOM (see the HTML limits). */
  html: 32 * MiB,
  /** JSON from `extract`, read by `validate`. */
  json: 256 * MiB,
  /** Anything else (legacy Office, unknown bytes) is only sniffed to say what it is. */
  other: 64 * MiB,
} as const;

/** Standard input is read before its format is known: it may be as large as the largest format's limit. */
export const STDIN_MAX_BYTES = Math.max(...Object.values(INPUT_MAX_BYTES));

// ── output (writing results) ────────────────────────────────────────────────────────────────────────────────

/** Longest file or folder name written below `-o DIR`, in UTF-8 bytes (Linux NAME_MAX): a longer mirrored name is
 * cut and given a hash of the full name, so `<255-byte name>.pdf` still gets its `.json`. */
export const OUTPUT_NAME_MAX_BYTES = 255;

// ── Word (.docx) ────────────────────────────────────────────────────────────────────────────────────────────

/** The zip container, checked against the central directory's declared sizes BEFORE anything is inflated (and
 * each part inflated into a buffer of its declared size, so a part that lies is cut off, not grown). */
export const DOCX_ZIP_LIMITS = {
  /** Entries in the zip: real documents hold tens to a few hundred parts (images, headers, styles). */
  maxEntries: 20_000,
  /** One XML part, inflated, in bytes. A 500-page table document's document.xml is ~30 MB; parsed, 30 MB took
   * ~270 MB of heap, so a much larger part could not be read inside a worker's heap anyway. */
  maxPartBytes: 40 * MiB,
  /** All parts inflated for one document together (document, styles, numbering, embedded HTML chunks), in bytes. */
  maxTotalBytes: 64 * MiB,
  /** Declared inflated size ÷ compressed size of a part over 1 MB: deflate's best is ~1:1030, more is a bomb. */
  maxRatio: 1100,
} as const;

/** Nodes (elements and text) kept from one XML part after formatting is dropped: ~25,000 per MB of a table
 * document, ~350 bytes of heap each. */
export const DOCX_MAX_XML_NODES = 750_000;

/** Element nesting in an XML part (tables in cells, content controls, text boxes): real documents stay under 50
 * levels; a deeper part is refused (`nesting deeper than 512 levels`) while it is parsed, before any recursive walk. */
export const DOCX_MAX_NESTING = 512;

/** Grid columns of one table: no real table is wider; a larger gridSpan/gridBefore is damage and is cut here. */
export const DOCX_MAX_COLS = 1000;

/** Grid slots (rows × columns) of one table; a larger table is refused. */
export const DOCX_MAX_TABLE_SLOTS = 1_000_000;

// ── HTML ────────────────────────────────────────────────────────────────────────────────────────────────────

/** DOM nodes (elements, text, comments) of one page, counted while it is parsed: ~140,000 per MB of a dense
 * exported table page, ~400 bytes of heap each. A page with more is refused. */
export const HTML_MAX_NODES = 400_000;

/** Open elements while parsing, and DOM depth: Chrome's parser stops nesting at 512 too. parse5 scans its open
 * elements at every tag, so a page of 10^5 nested tables is refused while it is parsed, not after minutes. */
export const HTML_MAX_NESTING = 512;

/** Grid slots (rows × columns, and the area its cells' spans claim) of one table; a larger table is refused. */
export const HTML_MAX_TABLE_SLOTS = 1_000_000;

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Text runs (pdf.js text items) on one page; a page with more is skipped with a warning (the densest page of the
 * fixtures has 612). Read as a stream, so a page of 10^6 runs stops here instead of filling the heap. */
export const PDF_MAX_TEXT_RUNS_PER_PAGE = 50_000;

/** Drawing operators on one page (pdf.js operator list, form XObjects expanded); a page with more is skipped with a
 * warning. The list is counted as pdf.js delivers it, in chunks, and abandoned at the limit: about 1 KB of heap per
 * operator, so the limit holds a page to about 100 MB (the fixtures' busiest page has 4,221). */
export const PDF_MAX_OPERATORS_PER_PAGE = 100_000;

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

/** Codes the ranges (`beginbfrange`, `begincidrange`) of one embedded CMap (a font's /ToUnicode or /Encoding) may
 * cover. pdf.js fills ~48 bytes of heap per code, in one loop nothing can interrupt, and allows 2^24 codes a range
 * (800 MB); 2-byte codes need at most 65,536. A PDF with a CMap over it is refused before pdf.js reads it
 * (see formats/pdf/cmap-scan.ts). */
export const PDF_MAX_CMAP_CODES = 262_144;

/** Bytes of one embedded CMap, inflated: a full 2-byte ToUnicode map is under 2 MB. A larger one is refused. */
export const PDF_MAX_CMAP_BYTES = 16 * MiB;

/** Bytes the INDEX tables (glyph programs, subroutines) of one embedded CFF font may claim beyond the font's own
 * size. In a sound font they never overlap, so claim less than it holds; a damaged count or offset makes them
 * overlap, and pdf.js copies every claimed byte into JavaScript arrays when it converts the font (~45 bytes of heap per byte claimed: a 28 KB font claiming 8 MB took 380 MB). A PDF with a font over it is
 * refused before pdf.js reads it (see formats/pdf/cff-index.ts). */
export const PDF_MAX_CFF_OVERLAP_BYTES = 1 * MiB;

// ── workers ─────────────────────────────────────────────────────────────────────────────────────────────────

/** A worker thread's V8 heap (`resourceLimits`), in MB: the batch pool's workers and the single-file PDF reader
 * thread (formats/pdf/page-source.ts). Node flags such as `--max-old-space-size` are not forwarded to workers (they
 * refuse them). A worker past it fails its current file (`worker crashed: ran out of memory (limit 512 MB)`) and is
 * replaced. The limits above keep every accepted input well inside it: the largest fixture PDFs (1.3 MB, 19 pages)
 * peak at 213 MB RSS for the whole process read through the PDF reader thread. */
export const WORKER_MAX_OLD_GENERATION_MB = 512;
export const WORKER_MAX_YOUNG_GENERATION_MB = 16;
