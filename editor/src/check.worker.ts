/**
 * The real parser and checker (dsl/), off the page's thread: a request is the text and the model's
 * version; the answer is every diagnostic — what checkSource gives: the parser's and the checker's,
 * in source order — and a summary of the declared names for completion and hover, tagged with that
 * version so the page can drop stale ones. Parsing and checking here rather than calling checkSource
 * keeps the checker's analysis, which checkSource does not return, without checking twice.
 */
import { check, parse } from "../../dsl/index";
import type { CheckRequest, CheckResponse } from "./protocol";
import { summarise } from "./symbols";

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { version, text } = event.data;
  let answer: CheckResponse;
  try {
    const parsed = parse(text);
    const checked = check(parsed.file, parsed.diagnostics);
    const diagnostics = [...parsed.diagnostics, ...checked.diagnostics].sort(
      (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
    );
    answer = { version, diagnostics, symbols: summarise(text, checked.analysis) };
  } catch (e) {
    // The checker promises never to throw; if it does, say so rather than go quiet.
    answer = { version, diagnostics: [], symbols: [], failure: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(answer);
};
