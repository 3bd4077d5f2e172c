/**
 * Walking a Word body in document order: paragraphs become context lines, tables become grids — with the same
 * rule as the HTML backend: a table that holds another table is layout (its text is read as lines, the tables
 * inside it are walked), every other table is data.
 */
import { compactTable, type GridAssembler } from "../../grid/assemble.ts";
import type { Numbering } from "./numbering.ts";
import { rowCells, tableRows, wordTableShape } from "./table.ts";
import { readInline, TextLines, type DomNode, type WordNames } from "./wordml.ts";

export interface BodyHooks {
  /** Content Word pulls in from another part (`w:altChunk`: an embedded HTML page or document). */
  altChunk?: (relId: string) => void;
  /** Automatic paragraph numbers. */
  numbering?: Numbering;
}

export class WordBodyWalker {
  constructor(
    private readonly names: WordNames,
    private readonly out: GridAssembler,
    private readonly hooks: BodyHooks = {},
  ) {}

  walk(body: DomNode): void {
    this.blocks(body, (line) => this.out.line(line), true);
  }

  /** A data cell's visual lines: one per paragraph and soft break. */
  cellLines(tc: DomNode): string[] {
    const lines: string[] = [];
    this.blocks(tc, (line) => lines.push(line), false);
    return lines;
  }

  /**
   * Block content (body, cell, content control, text box). `tables` is false inside a data cell, where any table
   * (there are none by the layout rule, short of damage) is read as lines.
   */
  private blocks(container: DomNode, line: (text: string) => void, tables: boolean): void {
    const names = this.names;
    for (const child of container.children ?? []) {
      if (names.isAlternateContent(child)) {
        const branch = names.alternate(child);
        if (branch) this.blocks(branch, line, tables);
        continue;
      }
      switch (names.local(child)) {
        case "p": {
          const text = new TextLines(line);
          const label = this.hooks.numbering?.label(child);
          if (label) text.add(label);
          readInline(child, names, text, (inner) => this.blocks(inner, line, tables));
          text.breakLine();
          break;
        }
        case "tbl":
          this.table(child, line, tables);
          break;
        case "sdt": {
          const content = names.child(child, "sdtContent");
          if (content) this.blocks(content, line, tables);
          break;
        }
        case "customXml":
        case "ins":
        case "moveTo":
        case "smartTag":
          this.blocks(child, line, tables);
          break;
        case "altChunk": {
          const id = child.attribs?.["r:id"] ?? Object.entries(child.attribs ?? {}).find(([k]) => k.endsWith(":id"))?.[1];
          if (id && tables) this.hooks.altChunk?.(id);
          break;
        }
        default:
        // sectPr, bookmarks, deleted content (w:del, w:moveFrom), permissions: nothing to read
      }
    }
  }

  private table(tbl: DomNode, line: (text: string) => void, tables: boolean): void {
    if (tables && !containsTable(tbl, this.names)) {
      // Grid columns no cell starts in (a gridCol every row merges over) are no column on the page: dropped,
      // as the HTML and PDF backends do, so the same table reads the same from every format.
      this.out.table(compactTable(wordTableShape(tbl, this.names, (tc) => this.cellLines(tc))));
      return;
    }
    // Layout table (or a table where none can be): its cells' text as lines, in reading order.
    for (const tr of tableRows(tbl, this.names)) {
      for (const tc of rowCells(tr, this.names)) this.blocks(tc, line, tables);
    }
  }
}

/** Whether a table holds another table anywhere inside it (cells, content controls, text boxes). */
function containsTable(tbl: DomNode, names: WordNames): boolean {
  const search = (node: DomNode): boolean => {
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      const local = names.local(child);
      if (local === "del" || local === "moveFrom") continue;
      if (local === "tbl" || search(child)) return true;
    }
    return false;
  };
  return search(tbl);
}
