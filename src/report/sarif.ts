/**
 * SARIF 2.1.0 for code-scanning tools. Rules come from listRules(); each finding becomes a result whose first
 * cell is its location (the document as artifact, the cell as a logical location `项目 › t3 r5 c4`, the raw
 * 0-based cell in properties) and whose other cells are related locations. An unreadable document becomes a
 * tool execution notification.
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Severity } from "../model/types.ts";
import { listRules } from "../validate/index.ts";
import type { DocumentResult } from "./types.ts";
import { cellLabel, projectLabel } from "./location.ts";
import { toolVersion } from "./version.ts";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as file://. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

type Cell = Finding["cells"][number];

function location(uri: string, index: number, f: Finding, cell: Cell | undefined, id?: number) {
  const loc: Record<string, unknown> = {
    physicalLocation: { artifactLocation: { uri, index } },
  };
  if (id !== undefined) loc.id = id;
  if (cell) {
    const subject = projectLabel(f);
    loc.logicalLocations = [{ name: cellLabel(cell), fullyQualifiedName: `${subject} › ${cellLabel(cell)}`, kind: "element" }];
    const props: Record<string, unknown> = { table: cell.table, row: cell.row, col: cell.col };
    if (cell.page !== undefined) props.page = cell.page;
    if (cell.text !== undefined) props.text = cell.text;
    loc.properties = props;
    if (cell.text) loc.message = { text: cell.text };
  }
  return loc;
}

export function renderSarif(results: DocumentResult[]): string {
  const rules = listRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const indexOf = (doc: string) => {
    if (!artifactIndex.has(doc)) {
      artifactIndex.set(doc, artifacts.length);
      artifacts.push({ location: { uri: artifactUri(doc) } });
    }
    return artifactIndex.get(doc)!;
  };

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const docIndex = indexOf(r.document);
    const uri = artifactUri(r.document);
    if (r.error) {
      notifications.push({
        level: "error",
        message: { text: r.error },
        locations: [{ physicalLocation: { artifactLocation: { uri, index: docIndex } } }],
      });
      continue;
    }
    for (const f of r.findings) {
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(uri, docIndex, f, f.cells[0])],
        properties: {
          project: f.project,
          projectIndex: f.projectIndex,
          kind: f.kind,
          ...(f.numbers ? { numbers: f.numbers } : {}),
        },
      };
      const idx = ruleIndex.get(f.rule);
      if (idx !== undefined) result.ruleIndex = idx;
      if (f.cells.length > 1) result.relatedLocations = f.cells.slice(1).map((c, i) => location(uri, docIndex, f, c, i + 1));
      sarifResults.push(result);
    }
  }

  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "jixiao",
            version: toolVersion(),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
              shortDescription: { text: r.description.split(/(?<=[.。])\s/)[0] },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { family: r.id.split("/")[0] },
            })),
          },
        },
        artifacts,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
