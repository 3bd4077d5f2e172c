/** The per-table refusal the HTML and Word backends share (their limits are in src/settings/limits.ts). */
import { JixiaoError } from "../errors.ts";

/** The one line for a table whose grid (rows × columns) passes the per-table limit. */
export function tooManySlots(rows: number, cols: number, limit: number): JixiaoError {
  const n = (x: number) => x.toLocaleString("en-US");
  return new JixiaoError(
    "too-large",
    `a table of ${n(rows)} rows × ${n(cols)} columns passes the limit of ${n(limit)} cells per table; refusing`,
  );
}
