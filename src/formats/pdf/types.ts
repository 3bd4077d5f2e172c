/**
 * Plain data the PDF backend works on, in upright page coordinates: origin top-left, y down, points, the page as
 * it is displayed (its /Rotate applied). Everything here survives structured cloning (worker → main thread).
 */

/** One run of text as pdf.js reports it, placed on the upright page. */
export interface TextRun {
  str: string;
  /** Left and right ends along the baseline (for upright text), or the bounding box (for rotated text). */
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** y of the baseline (upright text) or the box centre (rotated text). */
  baseline: number;
  /** Font size on the page (height of an em). */
  size: number;
  /** Written left to right on a horizontal baseline. */
  upright: boolean;
  /** Written at a slant (not a multiple of 90°): watermarks, stamps. */
  slanted?: boolean;
}

/** A horizontal ruling line. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical ruling line. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageData {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  texts: TextRun[];
  h: HRule[];
  v: VRule[];
  /** Where images are painted (to tell scanned pages and scanned tables). */
  images: Box[];
  /** Why the page could not be read (it is then empty). */
  error?: string;
  /** The page was skipped for being over a per-page limit (settings/limits.ts), `error` saying which. */
  overLimit?: boolean;
  /** Text runs dropped for lying (partly) beyond the page box and its margin (PDF_PAGE_MARGIN_PT). */
  offPage?: number;
}
