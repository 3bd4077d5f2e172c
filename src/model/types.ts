import type { z } from "zod";
import type * as S from "./schema.ts";

export type CellRef = z.infer<typeof S.CellRefSchema>;
export type Sourced = z.infer<typeof S.SourcedSchema>;
export type Op = z.infer<typeof S.OpSchema>;
export type Target = z.infer<typeof S.TargetSchema>;
export type Indicator = z.infer<typeof S.IndicatorSchema>;
export type Budget = z.infer<typeof S.BudgetSchema>;
export type SpendingPlanEntry = z.infer<typeof S.SpendingPlanEntrySchema>;
export type Project = z.infer<typeof S.ProjectSchema>;
export type Task = z.infer<typeof S.TaskSchema>;
export type Department = z.infer<typeof S.DepartmentSchema>;
export type TotalRow = z.infer<typeof S.TotalRowSchema>;
export type Diagnostic = z.infer<typeof S.DiagnosticSchema>;
export type Source = z.infer<typeof S.SourceSchema>;
export type Document = z.infer<typeof S.DocumentSchema>;
export type Finding = z.infer<typeof S.FindingSchema>;
export type Severity = Finding["severity"];
