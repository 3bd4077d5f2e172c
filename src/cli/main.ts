/**
 * The command line: a thin layer that turns arguments into calls of library functions (src/batch, src/output,
 * src/validate) and their outcome into an exit code. main() returns the code instead of exiting, so it can be
 * tested; bin/jixiao.js sets it.
 *
 * Exit codes: 0 ok · 1 findings reached --fail-on · 2 bad usage, or the single input could not be read ·
 * 3 some inputs of a batch failed · 130 interrupted. Every error is ONE line on stderr: `jixiao: <file>: <reason>`.
 *
 * Heavy modules (the validator, zod, report renderers, fast-csv) are imported only by the commands that use them:
 * the main thread of a batch stays small, the workers do the work.
 */
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { Command, CommanderError, Option } from "commander";
import { defaultJobs } from "../batch/run.ts";
import { expandInputs } from "../batch/inputs.ts";
import { printable } from "../batch/log.ts";
import { JixiaoError, describeError } from "../errors.ts";
import type { Severity } from "../model/types.ts";
import { removeLiveTempFiles } from "../output/atomic.ts";
import { writeReason } from "../output/failure.ts";
import { csvColumnDescriptions, type CsvLevel } from "../output/csv-columns.ts";
import type { MergedSlots } from "../output/grid.ts";
import { StreamTarget, type ExtractFormat } from "../output/sinks.ts";
import type { ReportFormat } from "../report/index.ts";
import { makeLog, readStdin, wantsColor } from "./io.ts";
import { commaList, positiveInt, seconds, validateOptionsFrom } from "./options.ts";

const DEFAULT_TIMEOUT_S = 120;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

const EXAMPLES = `
Examples:
  jixiao extract 项目绩效目标表.pdf                    one document → one JSON object on stdout
  jixiao extract docs/ -o out/                         a folder (recursive) → out/docs/…/<file>.json, one per input
  jixiao extract 'docs/**/*.html' --format csv -o all.csv   every indicator of every document in one sheet
  jixiao extract a.docx --validate                     JSON with a "findings" array; the report on stderr
  cat page.html | jixiao extract -                     read stdin
  jixiao tables scan.pdf --format csv                  the raw tables of any document
  jixiao validate out/ --format sarif > jixiao.sarif   check JSON written by extract (or documents)
  jixiao rules                                         what the validator checks

Exit codes: 0 ok, 1 findings reached --fail-on, 2 bad usage or the single input could not be read,
3 some inputs of a batch failed.`;

interface CommonFlags {
  jobs: number;
  timeout: number;
  quiet?: boolean;
  verbose?: boolean;
}

interface ExtractFlags extends CommonFlags {
  format: ExtractFormat;
  out?: string;
  csvLevel: CsvLevel;
  bom: boolean;
  validate?: boolean;
  failOn: Severity | "never";
  enable?: string[];
  disable?: string[];
  config?: string;
}

interface ValidateFlags extends CommonFlags {
  format: ReportFormat;
  failOn: Severity | "never";
  enable?: string[];
  disable?: string[];
  config?: string;
}

interface TablesFlags {
  format: "json" | "csv";
  merged: MergedSlots;
  bom: boolean;
  out?: string;
  timeout: number;
  quiet?: boolean;
  verbose?: boolean;
}

/** Commander's own messages (`error: unknown option '--x'` + suggestion) as one `jixiao:` line. */
function oneLine(str: string): string {
  const text = str
    .replace(/^error:\s*/i, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
  return `jixiao: ${printable(text)}\n`;
}

function batchFlags(cmd: Command): Command {
  return cmd
    .option("-j, --jobs <n>", "worker threads", positiveInt, defaultJobs())
    .option("-t, --timeout <sec>", "time limit per file in seconds (0: none)", seconds, DEFAULT_TIMEOUT_S)
    .option("-q, --quiet", "only errors on stderr (no notes, progress or summary)")
    .option("-v, --verbose", "a line per file, document warnings, and the summary even for one file");
}

function ruleFlags(cmd: Command): Command {
  return cmd
    .option("--enable <ids>", "run only these rules or families (comma-separated, repeatable)", commaList)
    .option("--disable <ids>", "skip these rules or families (comma-separated, repeatable)", commaList)
    .option("--config <file>", "validator config JSON (thresholds, severities, enable/disable)");
}

/** With --verbose, what the backends print in the workers (pdf.js warnings) goes to stderr. */
function workerStderr(flags: CommonFlags): { onWorkerStderr?: (text: string) => void } {
  return flags.verbose && !flags.quiet ? { onWorkerStderr: (t) => void process.stderr.write(t) } : {};
}

/**
 * How much a function must run before V8 optimises it (V8's default: 67,584). pdf.js is a large code base that
 * each worker compiles for itself; at the default, optimising (and re-optimising after deopts) took as much CPU on
 * V8's background threads as the reading itself (10 s of TurboFan per 345 files), so two workers starved each
 * other. Measured on the bench corpus: a budget of 500,000 cuts the CPU per file by ~20% and wall time with it.
 * Process-wide, set before any worker starts; only a JIT heuristic (no effect on results).
 */
const INTERRUPT_BUDGET = 500_000;

/** Write a command's whole output to stdout; a failed write (a full disk behind `>`) is one line, exit 2. */
async function printed(out: StreamTarget, text: string): Promise<void> {
  try {
    await out.write(text);
    await out.commit();
  } catch (err) {
    throw new JixiaoError("unreadable", `cannot write output: ${writeReason(err)}`, "stdout");
  }
}

export async function main(argv: string[]): Promise<number> {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  let code = 0;
  const controller = new AbortController();
  let interrupted = false;
  let pipeClosed = false;
  const stdout = process.stdout;
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop quietly.
    if (err.code === "EPIPE") {
      pipeClosed = true;
      controller.abort();
    }
  };
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    removeLiveTempFiles();
    controller.abort();
  };
  stdout.on("error", onStdoutError);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const out = new StreamTarget(stdout);

  const program = new Command("jixiao")
    .description("Read Chinese budget performance target tables (预算绩效目标表) from PDF, Word and HTML into JSON, and check them.")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void out.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(oneLine(s)),
    })
    .addHelpText("after", EXAMPLES);

  batchFlags(
    ruleFlags(
      program
        .command("extract")
        .description("read documents (files, folders, globs, - for stdin) into the JSON model")
        .argument("<inputs...>", "files, folders (recursive), quoted globs, or - for stdin")
        .addOption(new Option("-f, --format <format>", "output format").choices(["json", "ndjson", "csv"]).default("json"))
        .option(
          "-o, --out <path>",
          "output file (one input, or combined NDJSON/CSV), or directory (several inputs: DIR/<input path>.json), or a stream (/dev/stdout, a FIFO, /dev/null)",
        )
        .addOption(
          new Option("--csv-level <level>", "CSV: one row per indicator or per project")
            .choices(["indicator", "project"])
            .default("indicator"),
        )
        .option("--no-bom", "CSV without the UTF-8 byte order mark (Excel needs it; other tools may not)")
        .option(
          "--validate",
          'also validate: JSON gets a "findings" array, the report goes to stderr (implied by --fail-on, --enable, --disable, --config)',
        )
        .addOption(
          new Option("--fail-on <level>", "with --validate: exit 1 when findings reach this level")
            .choices(["error", "warning", "info", "never"])
            .default("never"),
        ),
    ),
  )
    .addHelpText(
      "after",
      `\nCSV columns (--csv-level indicator):\n  ${csvColumnDescriptions("indicator")
        .map((c) => c.name)
        .join(", ")}\nCSV columns (--csv-level project):\n  ${csvColumnDescriptions("project")
        .map((c) => c.name)
        .join(", ")}`,
    )
    .action(async (inputs: string[], flags: ExtractFlags) => {
      const expanded = await expandInputs(inputs);
      // Asking for rules, a config or a fail level means asking for validation.
      const wantsValidation = flags.validate || flags.failOn !== "never" || !!flags.enable || !!flags.disable || !!flags.config;
      const validate = wantsValidation ? await validateOptionsFrom(flags) : null;
      const log = makeLog({ quiet: !!flags.quiet, verbose: !!flags.verbose, summary: !expanded.single || !!flags.verbose });
      try {
        const { extractBatch } = await import("../batch/extract.ts");
        const outcome = await extractBatch({
          inputs: expanded,
          format: flags.format,
          out: flags.out ?? null,
          csvLevel: flags.csvLevel,
          bom: flags.bom,
          validate,
          failOn: flags.failOn,
          jobs: flags.jobs,
          timeoutMs: flags.timeout * 1000,
          signal: controller.signal,
          readStdin,
          stdout,
          log,
          color: wantsColor(process.stderr),
          run: workerStderr(flags),
        });
        code = outcome.exitCode;
      } finally {
        log.finish();
      }
    });

  program
    .command("tables")
    .description("print the raw tables of any document (cells, spans, context), performance table or not")
    .argument("<input>", "a PDF, Word (.docx) or HTML file, or - for stdin")
    .addOption(new Option("-f, --format <format>", "json, or csv: one block per table").choices(["json", "csv"]).default("json"))
    .addOption(
      new Option("--merged <mode>", "CSV: a merged cell's text in every slot it covers (repeat) or only its first (blank)")
        .choices(["repeat", "blank"])
        .default("repeat"),
    )
    .option("--no-bom", "CSV without the UTF-8 byte order mark")
    .option("-o, --out <file>", "write to this file instead of stdout")
    .option("-t, --timeout <sec>", "time limit in seconds (0: none)", seconds, DEFAULT_TIMEOUT_S)
    .option("-q, --quiet", "only errors on stderr")
    .option("-v, --verbose", "also the document's warnings")
    .addHelpText(
      "after",
      "\nCSV: each table starts with a row `table=<i>`, `pages=<p…>`, then its context lines (the text above it);\n" +
        "blocks are separated by an empty line. Merged cells are repeated in every slot unless --merged blank.",
    )
    .action(async (input: string, flags: TablesFlags) => {
      const log = makeLog({ quiet: !!flags.quiet, verbose: !!flags.verbose, summary: false });
      const expanded = await expandInputs([input]);
      if (expanded.problems.length || expanded.items.length !== 1) {
        const reason = expanded.problems[0]?.reason ?? "expected exactly one file";
        log.error(`${input}: ${reason}`);
        code = 2;
        return;
      }
      const { tablesOf } = await import("../batch/tables.ts");
      const r = await tablesOf({
        input: expanded.items[0],
        format: flags.format,
        merged: flags.merged,
        bom: flags.bom,
        out: flags.out ?? null,
        timeoutMs: flags.timeout * 1000,
        signal: controller.signal,
        readStdin,
        stdout,
        log,
      });
      code = r.exitCode;
    });

  batchFlags(
    ruleFlags(
      program
        .command("validate")
        .description("check documents, or JSON written by `extract`, against the rules")
        .argument("<inputs...>", "documents, folders, globs, JSON/NDJSON from extract, or - for stdin")
        .addOption(
          new Option("-f, --format <format>", "report format").choices(["text", "json", "junit", "sarif", "github"]).default("text"),
        )
        .addOption(
          new Option("--fail-on <level>", "exit 1 when findings reach this level")
            .choices(["error", "warning", "info", "never"])
            .default("error"),
        ),
    ),
  ).action(async (inputs: string[], flags: ValidateFlags) => {
    const expanded = await expandInputs(inputs);
    const options = await validateOptionsFrom(flags);
    const log = makeLog({ quiet: !!flags.quiet, verbose: !!flags.verbose, summary: !expanded.single || !!flags.verbose });
    try {
      const { validateBatch } = await import("../batch/validate.ts");
      const outcome = await validateBatch({
        inputs: expanded,
        options,
        format: flags.format,
        failOn: flags.failOn,
        jobs: flags.jobs,
        timeoutMs: flags.timeout * 1000,
        signal: controller.signal,
        readStdin,
        stdout,
        log,
        color: flags.format === "text" && wantsColor(stdout),
        run: workerStderr(flags),
      });
      code = outcome.exitCode;
    } finally {
      log.finish();
    }
  });

  program
    .command("rules")
    .description("list the validator's rules: id, default severity, what it checks")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (flags: { format: "text" | "json" }) => {
      const { listRules } = await import("../validate/index.ts");
      const rules = listRules();
      if (flags.format === "json") {
        await printed(out, JSON.stringify(rules, null, 2) + "\n");
        return;
      }
      const width = Math.max(0, ...rules.map((r) => r.id.length));
      await printed(out, rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join("\n") + "\n");
    });

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the document model")
    .option("--finding", "the schema of a validation finding instead")
    .action(async (flags: { finding?: boolean }) => {
      const { documentJsonSchema, findingJsonSchema } = await import("../model/json-schema.ts");
      await printed(out, JSON.stringify(flags.finding ? findingJsonSchema() : documentJsonSchema(), null, 2) + "\n");
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    } else if (pipeClosed) {
      code = 0;
    } else if (err instanceof JixiaoError) {
      process.stderr.write(`jixiao: ${printable(describeError(err))}\n`);
      code = 2;
    } else {
      process.stderr.write(`jixiao: internal error: ${printable(describeError(err))}\n`);
      code = 70;
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (interrupted || pipeClosed) process.stdin.destroy();
  if (interrupted) {
    removeLiveTempFiles();
    process.stderr.write("jixiao: interrupted\n");
    return 130;
  }
  if (pipeClosed) return 0;
  return code;
}
