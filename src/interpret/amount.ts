// TEMPORARY SHIM written by the lead so the interpreter compiles; the value-grammar engineer owns this file
// and replaces it entirely with the real implementation (same exported names).
export function parseAmount(raw: string): number | null {
  const t = raw.normalize("NFKC").replace(/[,\s]/g, "").replace(/万?元$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
export function detectAmountUnit(lines: string[]): "万元" | "元" | null {
  for (const l of lines) {
    const m = l.normalize("NFKC").match(/单位\s*[:：]\s*(万元|元)/);
    if (m) return m[1] as "万元" | "元";
  }
  return null;
}
