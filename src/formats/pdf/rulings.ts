/**
 * Ruling lines from a page's operator list. Table borders reach us as paths: stroked lines and rectangles
 * (LibreOffice, Word), or thin filled rectangles, one per cell edge (Chromium, WPS). The path coordinates are
 * user space, so the current transformation matrix is tracked through save/restore/transform and form XObjects,
 * starting from the viewport transform so everything comes out upright.
 */
import type { Box, HRule, VRule } from "./types.ts";

/** The OPS codes we read (pdf.js `OPS`; passed in so this module needs no pdf.js import). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  setStrokeTransparent: number;
  setFillTransparent: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginGroup: number;
  endGroup: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintImageMaskXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObjectGroup: number;
}

type Matrix = [number, number, number, number, number, number];

/** A filled rectangle at most this thick (points) is a line drawn as a rectangle. */
const THIN = 3;
/** Shorter pieces are glyph fragments or dots, not rulings. */
const MIN_LENGTH = 1;
/** How far off axis a stroked segment may lean and still count as horizontal/vertical. */
const SKEW = 1;

interface GState {
  ctm: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
}

export interface Rulings {
  h: HRule[];
  v: VRule[];
  images: Box[];
  /** More ruling segments than the limit asked for: reading stopped there (h and v are then empty). */
  overLimit?: true;
}

function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** White or near-white paint erases rather than draws a border. */
function visibleColor(hex: unknown): boolean {
  if (typeof hex !== "string" || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const n = parseInt(hex.slice(1), 16);
  return !(((n >> 16) & 255) >= 0xf8 && ((n >> 8) & 255) >= 0xf8 && (n & 255) >= 0xf8);
}

/**
 * The rulings and image boxes of an operator list; `overLimit` (and no rulings) past `limit` ruling segments (one
 * path operator may hold any number of them, so the operator count does not bound them).
 */
export function rulingsFromOperatorList(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  baseTransform: ArrayLike<number>,
  limit = Infinity,
): Rulings {
  const h: HRule[] = [];
  const v: VRule[] = [];
  const images: Box[] = [];
  let st: GState = { ctm: Array.from(baseTransform).slice(0, 6) as Matrix, strokeVisible: true, fillVisible: true };
  const stack: GState[] = [];
  const push = () => stack.push({ ...st });
  const pop = () => {
    st = stack.pop() ?? st;
  };

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    const dx = Math.abs(bx - ax);
    const dy = Math.abs(by - ay);
    if (dy <= SKEW && dx >= MIN_LENGTH) h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    else if (dx <= SKEW && dy >= MIN_LENGTH) v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };

  const paintPath = (op: number, path: ArrayLike<number>) => {
    const stroke =
      op === ops.stroke ||
      op === ops.closeStroke ||
      op === ops.fillStroke ||
      op === ops.eoFillStroke ||
      op === ops.closeFillStroke ||
      op === ops.closeEOFillStroke;
    const fill =
      op === ops.fill ||
      op === ops.eoFill ||
      op === ops.fillStroke ||
      op === ops.eoFillStroke ||
      op === ops.closeFillStroke ||
      op === ops.closeEOFillStroke;
    const doStroke = stroke && st.strokeVisible;
    const doFill = fill && st.fillVisible;
    if (!doStroke && !doFill) return;
    const m = st.ctm;
    // Subpaths as transformed points; a subpath with curves is not a ruling.
    let pts: number[] = [];
    let curved = false;
    let closed = false;
    const flush = () => {
      if (pts.length >= 4 && !curved) {
        if (doStroke) {
          for (let i = 0; i + 3 < pts.length; i += 2) addSegment(pts[i], pts[i + 1], pts[i + 2], pts[i + 3]);
          if (closed) addSegment(pts[pts.length - 2], pts[pts.length - 1], pts[0], pts[1]);
        }
        if (doFill) addThinRect(pts);
      }
      pts = [];
      curved = false;
      closed = false;
    };
    const at = (x: number, y: number) => {
      pts.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
    };
    for (let i = 0; i < path.length; ) {
      switch (path[i]) {
        case 0: // moveTo
          flush();
          at(path[i + 1], path[i + 2]);
          i += 3;
          break;
        case 1: // lineTo
          at(path[i + 1], path[i + 2]);
          i += 3;
          break;
        case 2: // curveTo
          curved = true;
          at(path[i + 5], path[i + 6]);
          i += 7;
          break;
        case 3: // quadraticCurveTo
          curved = true;
          at(path[i + 3], path[i + 4]);
          i += 5;
          break;
        case 4: // closePath
          closed = true;
          i += 1;
          break;
        default:
          i = path.length;
      }
    }
    flush();
  };

  /** A filled axis-aligned rectangle that is thin in one direction is a line along its middle. */
  const addThinRect = (pts: number[]) => {
    let n = pts.length / 2;
    if (n === 5 && Math.abs(pts[0] - pts[8]) < 0.01 && Math.abs(pts[1] - pts[9]) < 0.01) n = 4;
    if (n !== 4) return;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < 8; i += 2) {
      x0 = Math.min(x0, pts[i]);
      x1 = Math.max(x1, pts[i]);
      y0 = Math.min(y0, pts[i + 1]);
      y1 = Math.max(y1, pts[i + 1]);
    }
    // Axis-aligned: every corner sits on the bounding box.
    for (let i = 0; i < 8; i += 2) {
      const onX = Math.abs(pts[i] - x0) < 0.01 || Math.abs(pts[i] - x1) < 0.01;
      const onY = Math.abs(pts[i + 1] - y0) < 0.01 || Math.abs(pts[i + 1] - y1) < 0.01;
      if (!onX || !onY) return;
    }
    const w = x1 - x0;
    const ht = y1 - y0;
    if (ht <= THIN && w > ht && w >= MIN_LENGTH) h.push({ y: (y0 + y1) / 2, x0, x1 });
    else if (w <= THIN && ht > w && ht >= MIN_LENGTH) v.push({ x: (x0 + x1) / 2, y0, y1 });
  };

  const imageBox = () => {
    const m = st.ctm;
    const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
    const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
    images.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
  };

  for (let i = 0, n = fnArray.length; i < n; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        push();
        break;
      case ops.restore:
        pop();
        break;
      case ops.transform:
        st.ctm = multiply(st.ctm, args as number[]);
        break;
      case ops.paintFormXObjectBegin: {
        push();
        const matrix = args?.[0] as number[] | null | undefined;
        if (matrix && matrix.length >= 6) st.ctm = multiply(st.ctm, matrix);
        break;
      }
      case ops.paintFormXObjectEnd:
        pop();
        break;
      case ops.beginGroup: {
        push();
        const matrix = (args?.[0] as { matrix?: number[] } | undefined)?.matrix;
        if (matrix && matrix.length >= 6) st.ctm = multiply(st.ctm, matrix);
        break;
      }
      case ops.endGroup:
        pop();
        break;
      case ops.setStrokeRGBColor:
        st.strokeVisible = visibleColor(args?.[0]);
        break;
      case ops.setFillRGBColor:
        st.fillVisible = visibleColor(args?.[0]);
        break;
      case ops.setStrokeTransparent:
        st.strokeVisible = false;
        break;
      case ops.setFillTransparent:
        st.fillVisible = false;
        break;
      case ops.constructPath: {
        const op = args?.[0] as number;
        const path = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        if (path) paintPath(op, path);
        if (h.length + v.length > limit) return { h: [], v: [], images, overLimit: true };
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageXObjectRepeat:
      case ops.paintImageMaskXObjectRepeat:
      case ops.paintInlineImageXObjectGroup:
      case ops.paintImageMaskXObjectGroup:
        imageBox();
        break;
    }
  }
  return { h, v, images };
}
