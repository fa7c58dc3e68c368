/**
 * A line diff (Myers' O((N+M)·D) algorithm, after the common head and tail are set aside) and its
 * hunks with a few lines of context — enough for a version's text against a draft, without bundling
 * Monaco's diff editor.
 */

export type DiffLine =
  | { op: "same"; a: number; b: number; text: string }
  | { op: "del"; a: number; text: string }
  | { op: "add"; b: number; text: string };

/** Beyond this many differing lines the texts are shown as replaced wholesale (kept fast). */
const MAX_EDITS = 4000;

export function diffLines(aText: string, bText: string): DiffLine[] {
  const a = aText.split("\n");
  const b = bText.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: "same", a: i + 1, b: i + 1, text: a[i] ?? "" });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  for (const d of myers(midA, midB)) {
    if (d.op === "same") out.push({ op: "same", a: d.a + head, b: d.b + head, text: d.text });
    else if (d.op === "del") out.push({ op: "del", a: d.a + head, text: d.text });
    else out.push({ op: "add", b: d.b + head, text: d.text });
  }
  for (let i = tail; i > 0; i--) {
    out.push({ op: "same", a: a.length - i + 1, b: b.length - i + 1, text: a[a.length - i] ?? "" });
  }
  return out;
}

function myers(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) break;
  }
  if (found < 0) {
    return [
      ...a.map((text, i): DiffLine => ({ op: "del", a: i + 1, text })),
      ...b.map((text, i): DiffLine => ({ op: "add", b: i + 1, text })),
    ];
  }
  // Walk back through the saved frontiers.
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (prev[offset + k - 1] ?? 0) < (prev[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ op: "same", a: x + 1, b: y + 1, text: a[x] ?? "" });
    }
    if (down) {
      y--;
      out.push({ op: "add", b: y + 1, text: b[y] ?? "" });
    } else {
      x--;
      out.push({ op: "del", a: x + 1, text: a[x] ?? "" });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ op: "same", a: x + 1, b: y + 1, text: a[x] ?? "" });
  }
  return out.reverse();
}

/** The changed lines with `context` unchanged lines around each run; null marks a gap. */
export function hunks(lines: DiffLine[], context = 3): (DiffLine | null)[] {
  const keep = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    if (l.op === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = 1;
  });
  const out: (DiffLine | null)[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(l);
    else if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
  });
  if (out[out.length - 1] === null) out.pop();
  return out;
}
