/**
 * Dependency order over a graph of named things (computed values and the tables they look up):
 * everything comes after what it uses, and the strongly connected parts with more than one node or
 * a self-edge are the cycles. Tarjan's algorithm, iterative so a long chain of values cannot
 * overflow the stack.
 */

export interface Ordering {
  /** Every node, each after the nodes it depends on (nodes of a cycle in their given order). */
  order: string[];
  /** Each cycle's nodes, in the given order of nodes. */
  cycles: string[][];
}

export function dependencyOrder(
  nodes: readonly string[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): Ordering {
  const rank = new Map(nodes.map((n, i) => [n, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const successors = (n: string) => [...(edges.get(n) ?? [])].filter((m) => rank.has(m));

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number; succ: string[] }[] = [];
    const enter = (n: string) => {
      index.set(n, counter);
      low.set(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, next: 0, succ: successors(n) });
    };
    enter(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const m = top.succ[top.next++];
      if (m !== undefined) {
        if (!index.has(m)) enter(m);
        else if (onStack.has(m)) low.set(top.node, Math.min(low.get(top.node)!, index.get(m)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string | undefined;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        components.push(component.sort((a, b) => rank.get(a)! - rank.get(b)!));
      }
    }
  }

  // Tarjan emits components dependencies-first, which is the order wanted.
  const order = components.flat();
  const cycles = components.filter((c) => c.length > 1 || (c[0] !== undefined && edges.get(c[0])?.has(c[0])));
  cycles.sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
  return { order, cycles };
}

/** A path from `start` back to itself inside one cycle, for the message («الف → ب → الف»). */
export function cyclePath(
  start: string,
  cycle: readonly string[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const inCycle = new Set(cycle);
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const m of edges.get(n) ?? []) {
      if (!inCycle.has(m)) continue;
      if (m === start) {
        const path = [start];
        for (let at: string | undefined = n; at !== undefined && at !== start; at = previous.get(at))
          path.splice(1, 0, at);
        path.push(start);
        return path;
      }
      if (!previous.has(m)) {
        previous.set(m, n);
        queue.push(m);
      }
    }
  }
  return [start, start];
}
