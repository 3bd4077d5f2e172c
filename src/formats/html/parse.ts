/**
 * Decoded HTML → the DOM tree the walkers read, with bounded work and memory (src/settings/limits.ts).
 *
 * cheerio parses with parse5 (the browser's tree construction), which scans its stack of open elements at almost
 * every tag: 10^4 nested `<div>`s take a second, 10^5 nested tables minutes, and every walker after it recurses
 * once per level. So the parse runs through cheerio's own tree adapter wrapped to count: more than HTML_MAX_NESTING
 * open elements, or more than HTML_MAX_NODES nodes, stops it at once with one line. The finished tree's depth is
 * checked again without recursion (misnested markup is re-parented, which can nest deeper than the open stack).
 */
import { load, type CheerioOptions } from "cheerio";
import { JixiaoError } from "../../errors.ts";
import { HTML_MAX_NESTING, HTML_MAX_NODES } from "../../settings/limits.ts";
import type { DomNode } from "../dom.ts";

type TreeAdapter = NonNullable<CheerioOptions["treeAdapter"]>;

let baseAdapter: TreeAdapter | undefined | null = null;

/** cheerio's parse5 → domhandler adapter (cheerio fills in `treeAdapter` on the options it parsed with). */
function defaultAdapter(): TreeAdapter | undefined {
  if (baseAdapter === null) baseAdapter = load("", {})._options.treeAdapter;
  return baseAdapter;
}

export function tooDeep(): JixiaoError {
  return new JixiaoError("too-large", `nesting deeper than ${HTML_MAX_NESTING} levels (elements inside elements); refusing`);
}

function tooManyNodes(): JixiaoError {
  return new JixiaoError("too-large", `more than ${HTML_MAX_NODES.toLocaleString("en-US")} elements and text nodes in the page; refusing`);
}

/** Parse a page into its DOM, refusing one nested or large beyond the limits. */
export function parseHtml(html: string): DomNode {
  const base = defaultAdapter();
  let root: DomNode;
  if (!base) {
    root = load(html).root()[0] as unknown as DomNode;
  } else {
    let nodes = 0;
    let open = 0;
    const count = () => {
      if (++nodes > HTML_MAX_NODES) throw tooManyNodes();
    };
    const guarded: TreeAdapter = {
      ...base,
      createElement(tagName, namespaceURI, attrs) {
        count();
        return base.createElement(tagName, namespaceURI, attrs);
      },
      createCommentNode(data) {
        count();
        return base.createCommentNode(data);
      },
      insertText(parent, text) {
        const before = parent.children.length;
        base.insertText(parent, text);
        if (parent.children.length > before) count();
      },
      insertTextBefore(parent, text, reference) {
        const before = parent.children.length;
        base.insertTextBefore(parent, text, reference);
        if (parent.children.length > before) count();
      },
      onItemPush(item) {
        if (++open > HTML_MAX_NESTING) throw tooDeep();
        base.onItemPush?.(item);
      },
      onItemPop(item, newTop) {
        open--;
        base.onItemPop?.(item, newTop);
      },
    };
    root = load(html, { treeAdapter: guarded }).root()[0] as unknown as DomNode;
  }
  checkDepth(root);
  return root;
}

/** Refuse a tree deeper than HTML_MAX_NESTING (iteratively: the walkers that come next recurse). */
function checkDepth(root: DomNode): void {
  const stack: [DomNode, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > HTML_MAX_NESTING) throw tooDeep();
    if (++nodes > HTML_MAX_NODES) throw tooManyNodes();
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
}
