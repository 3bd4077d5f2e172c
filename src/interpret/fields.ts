/**
 * Key–value rows: a label cell followed by its value (`主管部门 | X | 实施单位 | Y`), a label spanning
 * several rows whose later rows hold its value (`预算规模及资金用途`), labels in one row with their values
 * in the row below, and `label：value` written in one cell.
 */
import type { Slot } from "./rows.ts";
import { fieldPairs } from "./context.ts";
import { joinLines } from "./text.ts";
import { fieldOf, FUNDS_CONTAINER, isTotalLabel, type FieldKey } from "./vocabulary.ts";

export interface FieldHit {
  key: FieldKey;
  label: Slot;
  /** The value's cell; null when the label stood with no value cell after it. */
  value: Slot | null;
  /** Value text when it was written in the label's own cell (`项目名称：X`). */
  inline?: string;
}

/** Labels in this row that got no value, kept by column for a value row below. */
export type PendingLabels = { key: FieldKey; label: Slot }[];

/** Longest label before the colon of a `label：value` cell. */
const INLINE_LABEL_MAX_CHARS = 16;

export function labelOfSlot(s: Slot): { key: FieldKey; inline?: string } | null {
  const text = joinLines(s.cell.text);
  const key = fieldOf(text);
  if (key) return { key };
  // `label：value` in one cell; the label may itself hold a colon (`其中：财政资金（元）：98.4`): each colon is tried.
  for (const m of text.matchAll(/[:：]/g)) {
    const at = m.index!;
    if (text.slice(0, at).replace(/\s/g, "").length > INLINE_LABEL_MAX_CHARS) break; // spaced labels (`项 目 名 称：`) count their characters
    const k = at >= 2 ? fieldOf(text.slice(0, at)) : null;
    const rest = text.slice(at + 1).trim();
    if (k && rest) return { key: k, inline: rest };
  }
  return null;
}

/**
 * Scan one row left to right. A label claims the next anchored non-label cell. A label covered from above
 * (a rowspan) claims values in the rows it spans, unless a nearer label claims them first.
 */
export function scanRow(row: Slot[], pendingAbove: PendingLabels): { hits: FieldHit[]; pending: PendingLabels } {
  const hits: FieldHit[] = [];
  // `合计` beside a funds container spanning rows (`资金来源 | 合计 | 50` over 财政拨款 / 其他资金) is the total.
  const labels = row.map(
    (s, i) =>
      labelOfSlot(s) ??
      (i > 0 && isTotalLabel(joinLines(s.cell.text)) && row[i - 1].cell.rowspan > 1 && FUNDS_CONTAINER.test(joinLines(row[i - 1].cell.text))
        ? { key: "budget.total" as FieldKey }
        : null),
  );
  const rowHasLabel = labels.some((l, i) => l && row[i].anchored);

  // Values under labels of the row above (`预算数 | 财政资金 | 其他资金` / `98.4 | 98.4 | `).
  if (!rowHasLabel && pendingAbove.length) {
    for (const p of pendingAbove) {
      const s = row.find((x) => x.anchored && x.col <= p.label.col && p.label.col < x.colEnd);
      if (s) hits.push({ key: p.key, label: p.label, value: s });
    }
    if (hits.length) return { hits, pending: [] };
  }

  const pending: PendingLabels = [];
  let open: { key: FieldKey; label: Slot } | null = null;
  row.forEach((s, i) => {
    // One cell listing several fields on its lines (`资金总额：186.00` / `财政拨款：160.00` / `自有资金：26.00`).
    const pairs = s.anchored
      ? fieldPairs(
          s.cell.text
            .split("\n")
            .map((x) => x.trim())
            .join(" "),
        )
      : [];
    if (pairs.length >= 2) {
      for (const f of pairs) hits.push({ key: f.key, label: s, value: null, inline: f.raw });
      open = null;
      return;
    }
    const l = labels[i];
    if (l) {
      if (l.inline !== undefined && s.anchored) {
        hits.push({ key: l.key, label: s, value: null, inline: l.inline });
        open = null;
        return;
      }
      if (open && open.label.anchored) pending.push(open);
      open = { key: l.key, label: s };
      return;
    }
    if (!open) return;
    if (s.anchored) hits.push({ key: open.key, label: open.label, value: s });
    open = null;
  });
  if (open && (open as { label: Slot }).label.anchored) {
    const o = open as { key: FieldKey; label: Slot };
    // A label at the row's end with no cell after it: its value may be in the row below.
    pending.push(o);
  }
  // A label spanning several rows beside a row of headings whose labels wait for the row below
  // (`总体目标 | 中长期目标 | 年度目标` over the two goals): the cell after it is a heading, not its value.
  const kept = pending.length
    ? hits.filter((h) => !(h.value && h.label.anchored && h.label.cell.rowspan > 1 && pending.some((p) => p.label.col >= h.value!.colEnd)))
    : hits;
  return { hits: kept, pending: pending.filter((p) => !kept.some((h) => h.key === p.key)) };
}
