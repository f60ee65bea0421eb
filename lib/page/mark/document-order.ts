import { isShadowRoot } from '../read/shadow-roots';

/**
 * Order of nodes across shadow trees. `compareDocumentPosition` only orders nodes of one tree; for
 * nodes in different trees we compare the shadow hosts that contain them, and put a host's shadow
 * content right after the host, before the host's own children.
 */

/** The node, preceded by the shadow hosts it lies in, outermost first. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (isShadowRoot(root)) {
    chain.unshift(root.host);
    root = root.host.getRootNode();
  }
  return chain;
}

/** Negative when `a` comes first, positive when `b` does, 0 for the same node. */
export function compareComposedOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) return treeOrder(a, b);
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  const depth = Math.min(chainA.length, chainB.length);
  for (let level = 0; level < depth; level++) {
    const x = chainA[level]!;
    const y = chainB[level]!;
    if (x !== y) return treeOrder(x, y);
  }
  // One is a host and the other lies in its shadow tree: the host comes first.
  return chainA.length - chainB.length;
}

/** Order of two nodes of one tree. */
function treeOrder(a: Node, b: Node): number {
  const position = a.compareDocumentPosition(b);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
