/**
 * Input and resource limits: every bound that turns a hostile or absurd input into one clear line instead of a
 * hang, a stack overflow or unbounded memory. Each constant is named by the decision it controls and its unit is
 * in its name or comment. The README's "Limits" table lists them; change both together.
 *
 * Sections are owned by the stage that enforces them (inputs, output, Word, HTML, PDF, workers).
 */

// ── inputs (reading a file from disk) ───────────────────────────────────────────────────────────────────────

// ── output (writing results) ────────────────────────────────────────────────────────────────────────────────

// ── Word (.docx) ────────────────────────────────────────────────────────────────────────────────────────────

// ── HTML ────────────────────────────────────────────────────────────────────────────────────────────────────

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────────────────

// ── workers ─────────────────────────────────────────────────────────────────────────────────────────────────
export {};
