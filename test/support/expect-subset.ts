/**
 * Compare an actual value against a hand-checked expected one, looking only at the keys the expected
 * value names. Arrays must have the same length and match element by element. Returns the list of
 * differences as `path: expected X, got Y` lines (empty when they agree) so a failing fixture says
 * exactly which project/indicator/field is wrong.
 */
export function subsetDiff(actual: unknown, expected: unknown, path = "$"): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`];
    const out: string[] = [];
    if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    const n = Math.min(actual.length, expected.length);
    for (let i = 0; i < n; i++) out.push(...subsetDiff(actual[i], expected[i], `${path}[${i}]`));
    return out;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: expected an object, got ${show(actual)}`];
    const out: string[] = [];
    for (const [k, v] of Object.entries(expected)) out.push(...subsetDiff((actual as Record<string, unknown>)[k], v, `${path}.${k}`));
    return out;
  }
  if (typeof expected === "number" && typeof actual === "number" && Math.abs(expected - actual) < 1e-9) return [];
  return Object.is(actual, expected) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? "undefined" : s.length > 120 ? s.slice(0, 117) + "..." : s;
}
