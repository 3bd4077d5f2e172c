/**
 * Quantities: `≥1000台`, `≤0.2万元/台`, `大于等于8000人`, `90%-100%`, `每户2500元`, `100元/人(月)`, `30/人(月)`,
 * `招聘单位不低于50家`. Durations (`3个月`, `15个工作日内`) are quantities whose unit is a period.
 */
import type { Op } from "../../model/types.ts";
import { CJK, IGNORED_PREFIX, KNOWN_UNITS, SUFFIX_WORDS, canonicalUnit, durationUnitOf, periodOf, readPrefixOp } from "./lexicon.ts";
import { readNumber, readScale, roundMoney } from "./numbers.ts";
import { frequencyPeriod } from "./schedule.ts";
import { type DurationTarget, type QuantityTarget, type UnparsedTarget, unparsed } from "./types.ts";

export type QuantityResult = QuantityTarget | DurationTarget | UnparsedTarget;

const UNITS_LONGEST_FIRST = [...KNOWN_UNITS].sort((a, b) => b.length - a.length);
const KNOWN = new Set(KNOWN_UNITS);

/** 每户, 每人每年, 人均, 月均 … before the number. */
const PER_PREFIX =
  /每(?:个)?(人次|户次|半年|季度|学期|年度|人|户|台|例|名|个|次|家|所|项|场|期|套|件|位|辆|座|间|张|本|份|处|只|头|亩|批|生|床|村|年|月|季|周|天|日)|(人|户|生|年|月|日)均/y;

interface PerParts {
  per: string | null;
  period: string | null;
}

function perWord(word: string): PerParts {
  const period = periodOf(word);
  return period ? { per: null, period } : { per: word, period: null };
}

/** A range between two numbers: `90-100`, `85%~95%`, `90至100`. */
const RANGE_SEP = /[-~至到]/y;

/** Stop a unit's run of characters where a range, a per-unit or a bracket begins. */
function cjkRun(s: string, i: number): string {
  let j = i;
  while (j < s.length && CJK.test(s[j])) {
    if ((s[j] === "至" || s[j] === "到") && /^\.?\d/.test(s.slice(j + 1, j + 3))) break;
    if (s[j] === "每" && j > i) break;
    j++;
  }
  return s.slice(i, j);
}

/** A run of trailing words (`以上`, `以内完成`) → their operators; null when something else is left. */
function suffixSeq(r: string): (Op | null)[] | null {
  const ops: (Op | null)[] = [];
  let k = 0;
  outer: while (k < r.length) {
    for (const [w, op] of SUFFIX_WORDS) {
      if (r.startsWith(w, k)) {
        ops.push(op);
        k += w.length;
        continue outer;
      }
    }
    return null;
  }
  return ops;
}

interface UnitRun {
  unit: string | null;
  ops: (Op | null)[];
  more: boolean;
  known: boolean;
}

/** Split a run such as `人以上`, `个工作日内`, `余人`, `名残疾人` into unit and trailing words. */
function splitRun(run: string): UnitRun | null {
  let r = run;
  let more = false;
  if (/^[余多]/.test(r)) {
    more = true;
    r = r.slice(1);
  }
  const only = suffixSeq(r);
  if (only) return { unit: null, ops: only, more, known: true };
  const known = UNITS_LONGEST_FIRST.find((u) => r.startsWith(u));
  if (known) {
    const ops = suffixSeq(r.slice(known.length));
    if (ops) return { unit: known, ops, more, known: true };
    // `200名残疾人`: a counted noun after the measure word says what is counted, not how many.
    if (!durationUnitOf(known) && !periodOf(known) && r.length - known.length <= 8) {
      return { unit: known, ops: [], more, known: true };
    }
    return null;
  }
  for (let k = 1; k <= 3 && k <= r.length; k++) {
    const ops = suffixSeq(r.slice(k));
    if (ops) return { unit: r.slice(0, k), ops, more, known: false };
  }
  return null;
}

const LATIN_UNIT = /(km²|km2|km|kg|kwh|kw|m²|m2|m³|m3|cm|mm|gb|mb|tb|g|t|m|h)(?![a-z])/iy;

/** The unit right after a number (and its scale): `%`, `m2`, or a CJK measure word with trailing words. */
function readUnit(s: string, i: number): (UnitRun & { end: number }) | null {
  const c = s[i];
  if (c === "%" || c === "‰" || c === "℃") return { unit: c, ops: [], more: false, known: true, end: i + 1 };
  LATIN_UNIT.lastIndex = i;
  const l = LATIN_UNIT.exec(s);
  if (l) return { unit: l[1].toLowerCase(), ops: [], more: false, known: true, end: i + l[0].length };
  const run = cjkRun(s, i);
  if (!run) return null;
  const split = splitRun(run);
  return split ? { ...split, end: i + run.length } : null;
}

/** After a slash: `台`, `人(月)`, `人·月`, `年`, `人年`. */
function readPer(s: string, i: number): (PerParts & { end: number }) | null {
  const run = cjkRun(s, i);
  if (!run) return null;
  for (const w of [run, run.replace(/^个/, "")]) {
    const p = periodOf(w);
    if (p) return { per: null, period: p, end: i + run.length };
  }
  if (run.length <= 3 && !suffixSeq(run)) {
    // `人年` / `人月`: a per-unit and its period in one word.
    const last = periodOf(run.slice(-1));
    if (run.length === 2 && last) return { per: run[0], period: last, end: i + run.length };
    return { per: run, period: null, end: i + run.length };
  }
  return null;
}

interface Tail {
  unit: string | null;
  known: boolean;
  per: string | null;
  perPeriod: string | null;
  ops: (Op | null)[];
  more: boolean;
}

/** Per-units, brackets, and trailing words after the unit; false when anything unrecognised is left. */
function readTail(s: string, start: number, t: Tail): boolean {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === "/" || c === "·") {
      const p = readPer(s, i + 1);
      if (!p) return false;
      if (p.per) {
        if (t.per && c === "/") t.per += p.per;
        else if (t.per) return false;
        else t.per = p.per;
      }
      if (p.period) {
        if (t.perPeriod) return false;
        t.perPeriod = p.period;
      }
      i = p.end;
      continue;
    }
    if (c === "(") {
      const close = s.indexOf(")", i);
      if (close < 0) return false;
      const inner = s.slice(i + 1, close);
      const period = periodOf(inner.replace(/^每/, ""));
      if (period && !t.perPeriod) t.perPeriod = period;
      else if (/^含(本数)?$/.test(inner)) {
        // `≥90%(含)`: the bound is included, as ≥ already says.
      } else if (t.unit && (KNOWN.has(inner) || /^[\u3400-\u9fff]$/.test(inner))) {
        // `≥12台(套)`: an alternative measure word for the same count.
      } else return false;
      i = close + 1;
      continue;
    }
    if (CJK.test(c)) {
      if (c === "每") {
        const m = /每(?:个)?(人次|[人户台例名个次家所项场期套件位辆座])?(半年|季度|年|月|季|周|天|日)?/y;
        m.lastIndex = i;
        const r = m.exec(s);
        if (!r || (!r[1] && !r[2])) return false;
        if (r[1]) {
          if (t.per) return false;
          t.per = r[1];
        }
        if (r[2]) {
          if (t.perPeriod) return false;
          t.perPeriod = periodOf(r[2]);
        }
        i += r[0].length;
        continue;
      }
      const run = cjkRun(s, i);
      const ops = run ? suffixSeq(run) : null;
      if (!ops) return false;
      t.ops.push(...ops);
      i += run.length;
      continue;
    }
    return false;
  }
  return true;
}

/** Where a subject starting at `from` ends and a comparison begins: `招聘单位不低于50家` → 4. */
function subjectEnd(s: string, from: number): number | null {
  for (let j = from + 1; j < Math.min(s.length, from + 16); j++) {
    if (!/[\u3400-\u9fff《》()、]/.test(s[j - 1])) return null;
    const o = readPrefixOp(s, j, false);
    if (o && readNumber(s, o.end)) return j;
  }
  return null;
}

/**
 * A quantity or duration, or null when the text is not one. An UnparsedTarget comes back for the one
 * ambiguity the grammar refuses to guess: `6月` (June, or six months?).
 */
export function parseQuantity(s: string, text: string): QuantityResult | null {
  // `每月2次`, `每个工作日一次`: how often, a schedule (./schedule.ts), not a count.
  if (frequencyPeriod(s) !== null) return null;
  let i = 0;
  let op: Op | null = null;
  let per: string | null = null;
  let perPeriod: string | null = null;

  for (let guard = 0; guard < 8 && i < s.length; guard++) {
    PER_PREFIX.lastIndex = i;
    const p = PER_PREFIX.exec(s);
    if (p) {
      const w = perWord(p[1] ?? p[2]);
      if (w.per) {
        if (per) return null;
        per = w.per;
      } else {
        if (perPeriod) return null;
        perPeriod = w.period;
      }
      i += p[0].length;
      continue;
    }
    const o = readPrefixOp(s, i, op === null);
    if (o) {
      if (op !== null) return null;
      op = o.op;
      i = o.end;
      continue;
    }
    IGNORED_PREFIX.lastIndex = i;
    const ig = IGNORED_PREFIX.exec(s);
    if (ig && !readNumber(s, i)) {
      i += ig[0].length;
      continue;
    }
    break;
  }
  if (!readNumber(s, i)) {
    const j = subjectEnd(s, i);
    if (j === null) return null;
    const sub = s.slice(i, j);
    const m = sub.match(/每(人次|[人户台例名个次家所项场期套件位辆座])|(人|户)均/);
    if (m) {
      if (per) return null;
      per = m[1] ?? m[2];
    }
    const o = readPrefixOp(s, j, false)!;
    op = o.op;
    i = o.end;
  }

  const n1 = readNumber(s, i);
  if (!n1) return null;
  i = n1.end;
  const sc1 = readScale(s, i);
  if (sc1) i = sc1.end;

  const tail: Tail = { unit: n1.percent ? "%" : null, known: true, per, perPeriod, ops: [], more: false };
  const u1 = n1.percent ? null : readUnit(s, i);
  if (u1) {
    tail.unit = u1.unit;
    tail.known = u1.known;
    tail.ops.push(...u1.ops);
    tail.more = u1.more;
    i = u1.end;
  }

  let value = n1.value;
  let scale = sc1?.scale ?? 1;
  let max: number | undefined;
  RANGE_SEP.lastIndex = i;
  const sep = RANGE_SEP.exec(s);
  const n2 = sep && (!u1 || u1.ops.length === 0) ? readNumber(s, i + 1) : null;
  if (n2 && !n2.percent) {
    i = n2.end;
    const sc2 = readScale(s, i);
    if (sc2) i = sc2.end;
    const u2 = readUnit(s, i);
    if (u2) {
      if (tail.unit !== null && u2.unit !== null && u2.unit !== tail.unit) return null;
      tail.unit = u2.unit ?? tail.unit;
      tail.known = u2.known;
      tail.ops.push(...u2.ops);
      i = u2.end;
    }
    max = n2.value;
    // Each end's scale: its own, else 1 when it printed its unit (`5000元-1万元`), else the other end's
    // (`1-2万元` is 1万 to 2万). Both ends are then stated in the upper end's scale.
    let s1 = sc1?.scale ?? (u1?.unit ? 1 : null);
    let s2 = sc2?.scale ?? (u2?.unit ? 1 : null);
    s1 ??= s2 ?? 1;
    s2 ??= s1;
    if (s1 !== s2) value = roundMoney((value * s1) / s2);
    scale = s2;
    if (n2.chinese) return null;
  }

  if (!readTail(s, i, tail)) return null;
  if (n1.chinese && (!tail.unit || !tail.known)) return null;

  const unit = tail.unit === null ? null : canonicalUnit(tail.unit);
  const suffixOp = tail.ops.find((o): o is Op => o !== null) ?? null;
  const finalOp: Op = max !== undefined ? "range" : (op ?? suffixOp ?? (tail.more ? ">" : "="));

  const durationUnit = durationUnitOf(unit);
  if (durationUnit && !tail.per && !tail.perPeriod && scale === 1 && max === undefined) {
    return { kind: "duration", op: finalOp, value, unit: durationUnit };
  }
  if (unit === "月" && !tail.per && !tail.perPeriod) {
    if (value <= 12 && Number.isInteger(value)) {
      return unparsed(text, "“月”前无“个”也无年份：无法判断是某月还是月数");
    }
    if (max === undefined) return { kind: "duration", op: finalOp, value, unit: "月" };
  }

  const q: QuantityTarget = {
    kind: "quantity",
    op: finalOp,
    value,
    ...(max !== undefined ? { max } : {}),
    scale,
    unit: unit === null ? null : (durationUnitOf(unit) ?? unit),
    per: tail.per,
    perPeriod: tail.perPeriod,
  };
  if (unit === "元") {
    q.yuan = roundMoney(value * scale);
    if (max !== undefined) q.yuanMax = roundMoney(max * scale);
  }
  return q;
}
