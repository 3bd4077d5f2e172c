/**
 * The bytes pdf.js copies out of an embedded CFF font's INDEX tables (glyph programs, subroutines, names, font
 * dicts) when it converts the font, measured the way pdf.js reads them. pdf.js takes each INDEX object as the
 * bytes between two offsets, unchecked: in a damaged font (a flipped count or offset size) the objects overlap
 * and together claim many times the font's size, which pdf.js copies byte by byte into JavaScript arrays (~45
 * bytes of heap each, measured) in one loop nothing interrupts. In a sound font the INDEX objects do not overlap, so they
 * hold fewer bytes than the font itself.
 */

/** Where a font program's CFF data starts in `data` (bare CFF, or the `CFF ` table of an OpenType font), or null. */
export function cffData(data: Uint8Array): Uint8Array | null {
  if (data.length >= 4 && data[0] === 1 && data[1] === 0 && data[2] >= 4 && data[3] >= 1 && data[3] <= 4) return data;
  // OpenType: "OTTO", numTables, then 16-byte records (tag, checksum, offset, length).
  if (data.length >= 12 && data[0] === 0x4f && data[1] === 0x54 && data[2] === 0x54 && data[3] === 0x4f) {
    const numTables = (data[4] << 8) | data[5];
    for (let i = 0, p = 12; i < numTables && p + 16 <= data.length; i++, p += 16) {
      if (data[p] === 0x43 && data[p + 1] === 0x46 && data[p + 2] === 0x46 && data[p + 3] === 0x20) {
        const offset = ((data[p + 8] << 24) | (data[p + 9] << 16) | (data[p + 10] << 8) | data[p + 11]) >>> 0;
        const length = ((data[p + 12] << 24) | (data[p + 13] << 16) | (data[p + 14] << 8) | data[p + 15]) >>> 0;
        return offset < data.length ? data.subarray(offset, offset + length) : null;
      }
    }
  }
  return null;
}

interface Index {
  bytes: number;
  objects: Uint8Array[];
  end: number;
}

/** pdf.js's CFFParser.parseIndex, keeping only the objects' sizes (and the first objects, for the dicts). */
function parseIndex(bytes: Uint8Array, pos: number, keep = 1): Index {
  const at = (i: number) => bytes[i] as number; // undefined past the end, as in pdf.js
  const count = (at(pos++) << 8) | at(pos++);
  const offsets: number[] = [];
  let end = pos;
  if (count !== 0) {
    const offsetSize = at(pos++);
    const startPos = pos + (count + 1) * offsetSize - 1;
    for (let i = 0; i < count + 1; ++i) {
      let offset = 0;
      for (let j = 0; j < offsetSize; ++j) {
        offset <<= 8;
        offset += at(pos++);
      }
      offsets.push(startPos + offset);
    }
    end = offsets[count];
  }
  let total = 0;
  const objects: Uint8Array[] = [];
  for (let i = 0; i < offsets.length - 1; ++i) {
    const obj = bytes.subarray(offsets[i], offsets[i + 1]);
    total += obj.length;
    if (objects.length < keep) objects.push(obj);
  }
  return { bytes: total, objects, end };
}

/** A CFF DICT's operators and their operands (pdf.js's parseDict, numbers only). */
function parseDict(dict: Uint8Array | undefined): Map<number, number[]> {
  const entries = new Map<number, number[]>();
  if (!dict) return entries;
  let operands: number[] = [];
  let pos = 0;
  const at = (i: number) => dict[i] as number;
  while (pos < dict.length) {
    let b = at(pos);
    if (b <= 21) {
      if (b === 12) b = (b << 8) | at(++pos);
      entries.set(b, operands);
      operands = [];
      ++pos;
      continue;
    }
    pos++;
    if (b === 30) {
      // real number: nibbles up to 0xf
      while (pos < dict.length) {
        const v = at(pos++);
        if (v >> 4 === 15 || (v & 15) === 15) break;
      }
      operands.push(0);
    } else if (b === 28) {
      operands.push(((at(pos) << 24) | (at(pos + 1) << 16)) >> 16);
      pos += 2;
    } else if (b === 29) {
      operands.push((at(pos) << 24) | (at(pos + 1) << 16) | (at(pos + 2) << 8) | at(pos + 3));
      pos += 4;
    } else if (b >= 32 && b <= 246) operands.push(b - 139);
    else if (b >= 247 && b <= 250) operands.push((b - 247) * 256 + at(pos++) + 108);
    else if (b >= 251 && b <= 254) operands.push(-((b - 251) * 256) - at(pos++) - 108);
    else operands.push(NaN);
  }
  return entries;
}

const CHARSTRINGS = 17;
const PRIVATE = 18;
const SUBRS = 19;
const FDARRAY = (12 << 8) | 36;

/** Bytes in a Private DICT's Subrs INDEX (pdf.js compiles it once per font dict that names it; read once here). */
function privateSubrs(bytes: Uint8Array, dict: Map<number, number[]>, seen: Map<string, number>): number {
  const priv = dict.get(PRIVATE);
  if (!priv || priv.length !== 2) return 0;
  const [size, offset] = priv;
  if (size === 0 || !(offset < bytes.length)) return 0;
  const key = `${size},${offset}`;
  let n = seen.get(key);
  if (n === undefined) {
    const subrs = parseDict(bytes.subarray(offset, offset + size)).get(SUBRS)?.[0];
    n = !subrs || !(offset + subrs < bytes.length) ? 0 : parseIndex(bytes, offset + subrs).bytes;
    seen.set(key, n);
  }
  return n;
}

/**
 * Bytes the INDEX objects of a CFF font claim (name, top dict, string, global subr, CharStrings, Subrs, FDArray and
 * their Subrs), as pdf.js reads them — counted until past `stopAt` (then the count so far: what remains could only
 * add to it, and reading a damaged font's overlapping dicts to the end would take seconds). Never throws: what
 * cannot be read counts as nothing.
 */
export function cffIndexBytes(cff: Uint8Array, stopAt = Infinity): number {
  let total = 0;
  const over = () => !(total <= stopAt);
  try {
    const names = parseIndex(cff, cff[2]);
    const top = parseIndex(cff, names.end);
    const strings = parseIndex(cff, top.end);
    const gsubrs = parseIndex(cff, strings.end);
    total += names.bytes + top.bytes + strings.bytes + gsubrs.bytes;
    if (over()) return total;
    const topDict = parseDict(top.objects[0]);
    const seen = new Map<string, number>();
    total += privateSubrs(cff, topDict, seen);
    if (over()) return total;
    const charStrings = topDict.get(CHARSTRINGS)?.[0];
    if (charStrings !== undefined) total += parseIndex(cff, charStrings).bytes;
    if (over()) return total;
    const fdArray = topDict.get(FDARRAY)?.[0];
    if (fdArray !== undefined) {
      const fds = parseIndex(cff, fdArray, Infinity);
      total += fds.bytes;
      for (const fd of fds.objects) {
        if (over()) return total;
        total += privateSubrs(cff, parseDict(fd), seen);
      }
    }
  } catch {
    // what was counted stands
  }
  return Number.isFinite(total) ? total : 0;
}
