import { Command } from "commander";
import { documentJsonSchema } from "../model/json-schema.ts";
import { extract } from "../extract.ts";
import { describeError } from "../errors.ts";

/** CLI skeleton (being fleshed out): returns the exit code instead of exiting, so it can be tested. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command("jixiao").version("0.1.0").exitOverride();
  program.command("schema").action(() => {
    process.stdout.write(JSON.stringify(documentJsonSchema(), null, 2) + "\n");
  });
  program
    .command("extract <file>")
    .action(async (file: string) => {
      try {
        process.stdout.write(JSON.stringify(await extract(file), null, 2) + "\n");
      } catch (err) {
        process.stderr.write(`jixiao: ${describeError(err, file)}\n`);
        code = 2;
      }
    });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const c = (err as { exitCode?: number }).exitCode;
    return c === 0 ? 0 : 2;
  }
  return code;
}
