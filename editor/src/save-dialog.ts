/**
 * Saving the draft as a new version: a dialog (note, author — remembered —, publish) that POSTs
 * /rulesets/{fund}/versions with the version the draft was opened from as its base. Every refusal is
 * answered in the dialog and the draft stays where it is (editor and localStorage):
 * 422 DRAFT_HAS_ERRORS — publishing refused, offer to save it as a draft; 409 VERSION_CONFLICT —
 * someone saved a version since, the server's message; 401 WRITE_TOKEN_REQUIRED — ask for the token
 * (kept for the session, sent as `authorization: Bearer`); 403 READ_ONLY — this server takes no writes.
 */
import { RequestError, saveVersion, type VersionInfo } from "./api";
import { button, h } from "./dom";
import { drafts } from "./drafts";

export interface SaveTarget {
  fund: string;
  base: string;
  source: string;
}

/**
 * `saved` is called with the new version; `rebase`, offered after a conflict, moves the draft onto the
 * fund's latest version (the dialog closes; nothing is saved).
 */
export function openSaveDialog(
  target: SaveTarget,
  saved: (v: VersionInfo) => void,
  rebase: () => void,
): void {
  const note = h("textarea", { id: "save-note", rows: "3", "aria-label": "یادداشت" });
  const author = h("input", { id: "save-author", type: "text", "aria-label": "نویسنده" });
  author.value = drafts.author();
  const publish = h("input", { id: "save-publish", type: "checkbox" });
  const token = h("input", {
    id: "save-token",
    type: "password",
    "aria-label": "رمز نوشتن",
    autocomplete: "off",
  });
  const tokenRow = h("label", { class: "token", hidden: "" }, "رمز نوشتن ", token);
  const message = h("p", { id: "save-message", class: "message", role: "alert" });
  const asDraft = button(
    "ذخیره به‌صورت پیش‌نویس",
    () => {
      publish.checked = false;
      void submit();
    },
    { id: "save-as-draft", hidden: "" },
  );
  const onLatest = button(
    "بردن پیش‌نویس روی تازه‌ترین نسخه",
    () => {
      dialog.close();
      rebase();
    },
    { id: "save-rebase", hidden: "" },
  );
  const save = button("ذخیره", () => void submit(), { id: "save-confirm", class: "primary" });
  const cancel = button("انصراف", () => dialog.close(), { id: "save-cancel", class: "secondary" });
  const dialog = h(
    "dialog",
    { id: "save-dialog", "aria-label": "ذخیره‌ی نسخه‌ی تازه" },
    h("h2", {}, "ذخیره‌ی نسخه‌ی تازه"),
    h("p", { class: "hint" }, `بر پایه‌ی نسخه‌ی ${target.base}؛ نسخه‌های پیشین دست نمی‌خورند.`),
    h("label", {}, "یادداشت", note),
    h("label", {}, "نویسنده", author),
    h("label", { class: "check" }, publish, " انتشار (نسخه‌ی جاری صندوق شود)"),
    tokenRow,
    message,
    h("div", { class: "actions" }, save, asDraft, onLatest, cancel),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  note.focus();

  async function submit(): Promise<void> {
    if (!note.value.trim() || !author.value.trim()) {
      message.dataset.state = "error";
      message.textContent = "یادداشت (چه چیزی تغییر کرد) و نام نویسنده لازم است.";
      (note.value.trim() ? author : note).focus();
      return;
    }
    save.disabled = true;
    asDraft.hidden = true;
    onLatest.hidden = true;
    message.textContent = "در حال ذخیره…";
    delete message.dataset.state;
    if (token.value) drafts.rememberToken(token.value);
    drafts.rememberAuthor(author.value.trim());
    try {
      const created = await saveVersion(
        target.fund,
        {
          source: target.source,
          base: target.base,
          note: note.value.trim(),
          author: author.value.trim(),
          publish: publish.checked,
        },
        drafts.token(),
      );
      dialog.close();
      saved(created);
    } catch (e) {
      save.disabled = false;
      message.dataset.state = "error";
      if (!(e instanceof RequestError)) {
        message.textContent = "ذخیره نشد؛ پیش‌نویس در ویرایشگر مانده است.";
        return;
      }
      const kept = "پیش‌نویس در ویرایشگر و در این مرورگر مانده است.";
      if (e.status === 422 && publish.checked) {
        // The server's message already says publishing is refused and a draft may be saved.
        message.textContent = e.fa;
        asDraft.hidden = false;
      } else if (e.status === 401) {
        message.textContent = `${e.fa} رمز نوشتن را وارد کنید.`;
        tokenRow.hidden = false;
        token.focus();
      } else {
        message.textContent = `${e.fa} ${kept}`;
        if (e.status === 409) onLatest.hidden = false;
      }
    }
  }
}
