/**
 * The versions panel: the fund's versions (who, when, note, draft or published), each to open or to
 * compare the draft with — by default the fund's published version. A comparison shows the text diff
 * and the change in outcomes over the corpus, computed in the run worker (./compare-view.ts).
 */
import {
  type FundInfo,
  examples as fetchExamples,
  RequestError,
  type VersionInfo,
  versionSource,
} from "./api";
import { outcomeChanges, textDiff } from "./compare-view";
import { compileProblems } from "./compile-problems";
import { button, h } from "./dom";
import { fa } from "./fa";
import type { Runner } from "./runner";

export interface VersionsHost {
  /** The draft as it is now. */
  draft(): string;
  /** The version the draft was opened from. */
  base(): string;
  open(version: string): void;
  save(): void;
  goTo(line: number): void;
}

export const STATUS_FA: Record<string, string> = { published: "منتشرشده", draft: "پیش‌نویس" };

function when(v: VersionInfo): string {
  if (v.savedAt) {
    const d = new Date(v.savedAt);
    if (!Number.isNaN(d.getTime()))
      return d.toLocaleString("fa-IR-u-ca-persian", { dateStyle: "medium", timeStyle: "short" });
  }
  return v.date ? fa(v.date) : "";
}

export function mountVersionsPanel(host: HTMLElement, runner: Runner, app: VersionsHost) {
  let fund: FundInfo | undefined;
  const list = h("ol", { class: "versions", id: "versions" });
  const against = h("select", { id: "compare-with", "aria-label": "مقایسه با نسخه" });
  const compareButton = button("مقایسه", () => void compare(against.value), {
    id: "compare",
    class: "primary",
  });
  const result = h("div", { class: "compare", id: "compare-result", "aria-live": "polite" });
  const notice = h("p", { class: "notice", id: "versions-notice", role: "status" });
  host.replaceChildren(
    notice,
    h(
      "div",
      { class: "actions" },
      button("ذخیره‌ی نسخه‌ی تازه…", () => app.save(), { id: "save", class: "primary" }),
    ),
    list,
    h("div", { class: "actions" }, h("label", {}, "مقایسه‌ی پیش‌نویس با ", against), compareButton),
    result,
  );

  async function compare(version: string): Promise<void> {
    if (!fund) return;
    const name = fund.fund;
    compareButton.disabled = true;
    result.replaceChildren(h("p", {}, `در حال مقایسه با نسخه‌ی ${fa(version)}…`));
    try {
      const [source, cases] = await Promise.all([
        versionSource(name, version),
        // A fund without examples (or a server without the route) compares over the rest.
        fetchExamples(name).catch(() => []),
      ]);
      const draft = app.draft();
      const diff = textDiff(source, draft, version);
      const answer = await runner.run({
        kind: "compare",
        draft,
        base: { source, version },
        examples: cases.map((e) => e.case),
      });
      result.replaceChildren(
        h("h3", {}, "تغییر در پیامدها"),
        answer.kind === "compare"
          ? outcomeChanges(answer.report, answer.corpus, version)
          : compileProblems(answer, app.goTo),
        h("h3", {}, "تغییر در متن"),
        diff,
      );
    } catch (e) {
      result.replaceChildren(
        h("p", { class: "run-problem" }, e instanceof RequestError ? e.fa : "مقایسه ممکن نشد"),
      );
    } finally {
      compareButton.disabled = false;
    }
  }

  return {
    /** Preselect the version a comparison is made with. */
    compareWith(version: string): void {
      against.value = version;
    },
    /** A line above the list (e.g. "version 3 saved"), until the next one. */
    notify(text: string): void {
      notice.textContent = text;
    },
    show(info: FundInfo): void {
      fund = info;
      const current = app.base();
      list.replaceChildren(
        ...[...info.versions].reverse().map((v) => {
          const status = v.status ?? "";
          return h(
            "li",
            { class: `version${v.version === current ? " current" : ""}`, "data-version": v.version },
            h(
              "div",
              { class: "head" },
              h("strong", {}, `نسخه‌ی ${fa(v.version)}`),
              status ? h("span", { class: `badge ${status}` }, STATUS_FA[status] ?? status) : null,
              v.version === info.published ? h("span", { class: "badge in-force" }, "جاری") : null,
              v.version === current ? h("span", { class: "badge open" }, "باز در ویرایشگر") : null,
            ),
            h("div", { class: "meta" }, [v.author, when(v)].filter(Boolean).join(" — ")),
            v.note ? h("div", { class: "note" }, v.note) : null,
            h(
              "div",
              { class: "row-actions" },
              button("باز کردن", () => app.open(v.version), { class: "secondary" }),
              button(
                "مقایسه با پیش‌نویس",
                () => {
                  against.value = v.version;
                  void compare(v.version);
                },
                { class: "secondary" },
              ),
            ),
          );
        }),
      );
      const published =
        info.published ?? [...info.versions].reverse().find((v) => v.status === "published")?.version;
      against.replaceChildren(
        ...[...info.versions].reverse().map((v) => new Option(`نسخه‌ی ${fa(v.version)}`, v.version)),
      );
      against.value = published ?? info.latest;
      result.replaceChildren();
    },
  };
}
