/**
 * The slice of the domhandler tree (what cheerio and htmlparser2 parse into) that the HTML and Word walkers read.
 * Declared here so the backends depend on their parsers only, not on their transitive packages' types.
 */
export interface DomNode {
  type: string; // "root" | "tag" | "script" | "style" | "text" | "comment" | "directive" | "cdata"
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
}

export function isElement(node: DomNode): boolean {
  return (node.type === "tag" || node.type === "script" || node.type === "style") && node.name !== undefined;
}

/** Direct element children, optionally only those named `names`. */
export function childElements(node: DomNode, ...names: string[]): DomNode[] {
  return (node.children ?? []).filter((c) => isElement(c) && (names.length === 0 || names.includes(c.name!)));
}
