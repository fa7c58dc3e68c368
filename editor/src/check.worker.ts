/**
 * The real parser and checker (dsl/), off the page's thread: a request is the text and the model's
 * version; the answer is every diagnostic, tagged with that version so the page can drop stale ones.
 */
import { checkSource } from "../../dsl/index";
import type { CheckRequest, CheckResponse } from "./protocol";

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { version, text } = event.data;
  let answer: CheckResponse;
  try {
    answer = { version, diagnostics: checkSource(text).diagnostics };
  } catch (e) {
    // checkSource promises never to throw; if it does, say so rather than go quiet.
    answer = { version, diagnostics: [], failure: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(answer);
};
