/** Batch processing: inputs, the worker pool, the per-file task, and the extract/validate/tables runs. */
export { expandInputs, type ExpandedInputs, type InputItem, type InputProblem } from "./inputs.ts";
export { WorkerPool, PoolTaskError, workerHostUrl, type PoolOptions, type PoolErrorKind } from "./pool.ts";
export { run as runTask, type TaskConfig, type TaskInput, type TaskResult, type DocSummary } from "./task.ts";
export { runBatch, runWindowed, defaultJobs, defaultTaskModule, type BatchRunOptions, type WindowOptions } from "./run.ts";
export { BatchStats, progressLine, summaryLine } from "./progress.ts";
export { silentLog, type BatchLog } from "./log.ts";
export { extractBatch, planExtractOutput, exitCodeFor, type ExtractBatchOptions, type BatchOutcome } from "./extract.ts";
export { validateBatch, type ValidateBatchOptions, type ValidateOutcome } from "./validate.ts";
export { tablesOf, type TablesOptions } from "./tables.ts";
