import { DomUtils, type parseDocument } from 'htmlparser2';
import { DROPPED_TAGS } from './storage-markdown-rules.js';

/* DOM helpers of the storage → Markdown renderer (htmlparser2 / domhandler nodes), all iterative. */

/** A node of the parsed storage document (htmlparser2 / domhandler). */
export type StorageNode = ReturnType<typeof parseDocument>['children'][number];
/** An element of the parsed storage document. */
export type StorageElement = Parameters<typeof DomUtils.getAttributeValue>[0];
/** One unit of work: visit a node, or run a step (open or close a construct). */
export type Step = StorageNode | (() => void);

/** True for an element node. */
export function isElement(node: StorageNode | null): node is StorageElement {
  return node !== null && DomUtils.isTag(node);
}

/** An attribute's value, or '' when absent. */
export function attr(element: StorageElement, name: string): string {
  return element.attribs[name] ?? '';
}

/** The first child element named `name`. */
export function findChild(element: StorageElement, name: string): StorageElement | undefined {
  for (const child of element.children) if (isElement(child) && child.name === name) return child;
  return undefined;
}

/** Text content of a node (entities decoded, CDATA unwrapped); iterative, so any depth is safe. */
export function textOf(node: StorageNode, skipDropped = false): string {
  const parts: string[] = [];
  const pending: StorageNode[] = [node];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (DomUtils.isText(current)) parts.push(current.data);
    else if (isElement(current) || DomUtils.isCDATA(current)) {
      if (skipDropped && isElement(current) && DROPPED_TAGS.has(current.name)) continue;
      for (let index = current.children.length - 1; index >= 0; index -= 1) {
        const child = current.children[index];
        if (child) pending.push(child);
      }
    }
  }
  return parts.join('');
}
