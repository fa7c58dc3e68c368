/**
 * The unsaved draft, kept in localStorage per fund and base version as the person types, so a reload,
 * a refused save or a closed tab loses nothing; removed once saved or when it equals its base again.
 * The author's name is remembered here too; the write token only for the session (sessionStorage).
 */
const draftKey = (fund: string, base: string) => `zavabet:draft:${fund}@${base}`;
const AUTHOR = "zavabet:author";
const TOKEN = "zavabet:write-token";

function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    // Storage may be off (private mode, quota): the editor works on, it only cannot remember.
    return fallback;
  }
}

export const drafts = {
  load: (fund: string, base: string): string | undefined =>
    attempt(() => localStorage.getItem(draftKey(fund, base)) ?? undefined, undefined),
  keep: (fund: string, base: string, text: string): void =>
    attempt(() => localStorage.setItem(draftKey(fund, base), text), undefined),
  drop: (fund: string, base: string): void =>
    attempt(() => localStorage.removeItem(draftKey(fund, base)), undefined),
  author: (): string => attempt(() => localStorage.getItem(AUTHOR) ?? "", ""),
  rememberAuthor: (name: string): void => attempt(() => localStorage.setItem(AUTHOR, name), undefined),
  token: (): string | undefined => attempt(() => sessionStorage.getItem(TOKEN) ?? undefined, undefined),
  rememberToken: (token: string): void => attempt(() => sessionStorage.setItem(TOKEN, token), undefined),
};
