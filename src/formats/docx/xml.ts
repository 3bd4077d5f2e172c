/**
 * Parsing a Word XML part into a lean tree. A full DOM of document.xml costs ~20× the XML's size (a 10 MB part
 * needed > 200 MB of heap through cheerio); most of it is formatting the backend never reads. So this builds the
 * tree from SAX events (htmlparser2, the parser cheerio uses) and leaves out what cannot matter: paragraph and
 * table properties, section properties, content-control properties, text outside `w:t`, and every run, cell
 * and row property except the few that change text or the grid.
 *
 * The tree is bounded while it is built (src/settings/limits.ts): a part nested deeper than DOCX_MAX_NESTING
 * elements (every walker after this one recurses) or keeping more than DOCX_MAX_XML_NODES nodes is refused then
 * and there, so 100,000 nested tables or unclosed paragraphs cost a few milliseconds, not a stack overflow.
 */
import { Parser } from "htmlparser2";
import { JixiaoError } from "../../errors.ts";
import { DOCX_MAX_NESTING, DOCX_MAX_XML_NODES } from "../../settings/limits.ts";
import type { DomNode } from "../dom.ts";
import { SYMBOL_FONTS } from "./wordml.ts";

const WORDML = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

/** Property containers and the children of each that the backend reads; all other children are dropped. */
const KEEP_IN = new Map<string, Set<string>>([
  ["pPr", new Set(["numPr", "pStyle"])],
  ["rPr", new Set(["vanish", "rFonts"])],
  ["tcPr", new Set(["gridSpan", "vMerge", "hMerge", "cellDel"])],
  ["trPr", new Set(["gridBefore", "gridAfter", "del", "hidden"])],
]);
/** Subtrees with nothing to read. */
const DROP = new Set([
  "tblPr",
  "tblPrEx",
  "sectPr",
  "sdtPr",
  "sdtEndPr",
  "bookmarkStart",
  "bookmarkEnd",
  "proofErr",
  "lastRenderedPageBreak",
  "delText",
  "instrText",
  "delInstrText",
]);

/** Parse an XML part. `full` keeps everything (small parts such as relationships). */
export function parseXml(xml: string, full = false): DomNode {
  const root: DomNode = { type: "root", children: [] };
  const stack: DomNode[] = [root];
  let w = "w:";
  let dropDepth = 0; // > 0 while inside a dropped subtree
  let first = true;
  let nodes = 0;
  const count = () => {
    if (++nodes > DOCX_MAX_XML_NODES) {
      throw new JixiaoError(
        "too-large",
        `more than ${DOCX_MAX_XML_NODES.toLocaleString("en-US")} elements and text runs in one XML part; refusing`,
      );
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        // stack holds the root, so its length is the depth of the element being opened
        if (stack.length + dropDepth > DOCX_MAX_NESTING) throw tooDeep();
        if (dropDepth > 0) {
          dropDepth++;
          return;
        }
        if (first) {
          first = false;
          for (const [key, value] of Object.entries(attribs)) if (key.startsWith("xmlns:") && WORDML.has(value)) w = key.slice(6) + ":";
        }
        const parent = stack[stack.length - 1];
        if (!full && name.startsWith(w)) {
          const local = name.slice(w.length);
          const parentLocal = parent.name?.startsWith(w) ? parent.name.slice(w.length) : "";
          const keep = KEEP_IN.get(parentLocal);
          // run fonts matter only when they are symbol fonts (then the run's text is private-use code points)
          const plainFont = local === "rFonts" && !Object.values(attribs).some((f) => SYMBOL_FONTS.test(f));
          if (DROP.has(local) || (keep && !keep.has(local)) || plainFont) {
            dropDepth = 1;
            return;
          }
        }
        const node: DomNode = { type: "tag", name, attribs, children: [] };
        count();
        parent.children!.push(node);
        stack.push(node);
      },
      onclosetag() {
        if (dropDepth > 0) dropDepth--;
        else stack.pop();
      },
      ontext(data) {
        if (dropDepth > 0) return;
        const parent = stack[stack.length - 1];
        if (!full && parent.name !== w + "t") return;
        const last = parent.children![parent.children!.length - 1];
        if (last?.type === "text") last.data += data;
        else {
          count();
          parent.children!.push({ type: "text", data });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return root;
}

function tooDeep(): JixiaoError {
  return new JixiaoError("too-large", `nesting deeper than ${DOCX_MAX_NESTING} levels (tables in tables, content controls…); refusing`);
}
