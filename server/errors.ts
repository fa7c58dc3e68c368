/**
 * How the HTTP service refuses work: one JSON shape for every error, a stable code a client can
 * switch on, and the message in Persian and English.
 *
 *   { "error": { "code": "CASE_INVALID", "status": 422, "message": { "fa": "…", "en": "…" },
 *                "details": [{ "field": "amount", "fa": "…", "en": "…" }] } }
 *
 * Codes never change meaning; new ones may be added. docs/http.md lists them.
 */

export interface Message {
  fa: string;
  en: string;
}

/** One thing wrong in a request: where (a case field, or a JSON path in the body) and what. */
export interface ErrorDetail extends Message {
  field: string;
}

export const ERROR_CODES = [
  "INVALID_JSON",
  "FORBIDDEN_KEY",
  "TOO_DEEP",
  "STRING_TOO_LONG",
  "TOO_MANY_KEYS",
  "BAD_REQUEST",
  "NOT_FOUND",
  "RULESET_NOT_FOUND",
  "VERSION_NOT_FOUND",
  "REQUEST_TIMEOUT",
  "BODY_TOO_LARGE",
  "BATCH_TOO_LARGE",
  "HEADERS_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "CASE_INVALID",
  "RULESET_DOES_NOT_COMPILE",
  "INTERNAL",
  "OVERLOADED",
  "WRITE_TOKEN_REQUIRED",
  "READ_ONLY",
  "VERSION_CONFLICT",
  "DRAFT_HAS_ERRORS",
  "SAVE_FAILED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const STATUS: Record<ErrorCode, number> = {
  INVALID_JSON: 400,
  FORBIDDEN_KEY: 400,
  TOO_DEEP: 400,
  STRING_TOO_LONG: 400,
  TOO_MANY_KEYS: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  RULESET_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  BODY_TOO_LARGE: 413,
  BATCH_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CASE_INVALID: 422,
  RULESET_DOES_NOT_COMPILE: 500,
  INTERNAL: 500,
  OVERLOADED: 503,
  WRITE_TOKEN_REQUIRED: 401,
  READ_ONLY: 403,
  VERSION_CONFLICT: 409,
  DRAFT_HAS_ERRORS: 422,
  SAVE_FAILED: 500,
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    status: number;
    message: Message;
    details?: ErrorDetail[];
  };
}

/** Thrown by routes and hooks; the error handler (app.ts) turns it into an ErrorBody. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fa: string;
  readonly en: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: Message, details?: ErrorDetail[]) {
    super(message.en);
    this.name = "ApiError";
    this.code = code;
    this.status = STATUS[code];
    this.fa = message.fa;
    this.en = message.en;
    this.details = details;
  }

  body(): ErrorBody {
    const error: ErrorBody["error"] = {
      code: this.code,
      status: this.status,
      message: { fa: this.fa, en: this.en },
    };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** At most this many details in one error: a hostile request cannot make the answer huge. */
export const MAX_DETAILS = 50;

export const MESSAGES = {
  invalidJson: (why: string): Message => ({
    fa: "بدنه‌ی درخواست JSON درستی نیست",
    en: `The request body is not valid JSON: ${why}`,
  }),
  emptyJson: {
    fa: "بدنه‌ی درخواست خالی است؛ یک شیء JSON بفرستید",
    en: "The request body is empty; send a JSON object",
  },
  forbiddenKey: (key: string): Message => ({
    fa: `کلید «${key}» در JSON درخواست مجاز نیست`,
    en: `The key «${key}» is not allowed anywhere in the request JSON`,
  }),
  tooDeep: (limit: number): Message => ({
    fa: `JSON درخواست بیش از ${limit} سطح تودرتو است`,
    en: `The request JSON is nested deeper than ${limit} levels`,
  }),
  stringTooLong: (limit: number): Message => ({
    fa: `متنی در درخواست از ${limit} نویسه بلندتر است`,
    en: `A string in the request is longer than ${limit} characters`,
  }),
  tooManyKeys: (limit: number): Message => ({
    fa: `یک مورد بیش از ${limit} کلید دارد (کلیدهای اقلام فهرست‌ها هم شمرده می‌شوند)`,
    en: `A case holds more than ${limit} keys (keys of list items included)`,
  }),
  badRequest: {
    fa: "درخواست با قالب مورد انتظار نمی‌خواند",
    en: "The request does not have the expected shape",
  },
  notFound: (method: string, url: string): Message => ({
    fa: `نشانی ${method} ${url} وجود ندارد`,
    en: `There is no ${method} ${url}`,
  }),
  rulesetNotFound: (fund: string): Message => ({
    fa: `قواعد «${fund}» پیدا نشد`,
    en: `Unknown ruleset «${fund}»`,
  }),
  versionNotFound: (fund: string, version: string): Message => ({
    fa: `نسخه‌ی «${version}» از قواعد «${fund}» پیدا نشد`,
    en: `«${fund}» has no version «${version}»`,
  }),
  bodyTooLarge: (limit: number): Message => ({
    fa: `بدنه‌ی درخواست از ${limit} بایت بزرگ‌تر است`,
    en: `The request body is larger than ${limit} bytes`,
  }),
  batchTooLarge: (limit: number): Message => ({
    fa: `یک دسته حداکثر ${limit} مورد می‌تواند داشته باشد`,
    en: `A batch may hold at most ${limit} cases`,
  }),
  unsupportedMediaType: {
    fa: "بدنه‌ی درخواست باید JSON باشد (Content-Type: application/json)",
    en: "The request body must be JSON (Content-Type: application/json)",
  },
  caseInvalid: {
    fa: "مورد درست نیست؛ هیچ قاعده‌ای اجرا نشد",
    en: "The case is invalid; nothing was evaluated",
  },
  doesNotCompile: (fund: string, version: string): Message => ({
    fa: `نسخه‌ی «${version}» از قواعد «${fund}» خطا دارد و اجرا نمی‌شود`,
    en: `Version «${version}» of «${fund}» has errors and cannot run`,
  }),
  internal: {
    fa: "خطای پیش‌بینی‌نشده در سرور",
    en: "Unexpected server error",
  },
  overloaded: (seconds: number): Message => ({
    fa: `سرور پربار است؛ ${seconds} ثانیه‌ی دیگر دوباره بفرستید`,
    en: `The server is overloaded; retry in ${seconds} s`,
  }),
  headersTooLarge: {
    fa: "سرآیندهای درخواست بیش از اندازه بزرگ است",
    en: "The request headers are too large",
  },
  malformedHttp: {
    fa: "درخواست HTTP درست نیست",
    en: "The HTTP request is malformed",
  },
  requestTimeout: {
    fa: "درخواست در زمان مجاز کامل نرسید",
    en: "The request did not arrive in time",
  },
  writeTokenRequired: {
    fa: "ذخیره‌ی نسخه کلید نوشتن می‌خواهد (سرآیند Authorization: Bearer …)؛ کلید نیامده یا درست نیست. چیزی ذخیره نشد",
    en: "Saving a version needs the write token (header Authorization: Bearer …); it is missing or wrong. Nothing was saved",
  },
  readOnly: {
    fa: "این سرور فقط خواندنی است و نسخه‌ی تازه نمی‌پذیرد (zavabet serve تنها با ZAVABET_WRITE_TOKEN نوشتن را می‌پذیرد). چیزی ذخیره نشد",
    en: "This server is read-only and accepts no new versions (zavabet serve accepts writes only when started with ZAVABET_WRITE_TOKEN). Nothing was saved",
  },
  draftHasErrors: (count: number): Message => ({
    fa: `پیش‌نویس ${count} خطا دارد و منتشر نمی‌شود؛ خطاها را برطرف کنید یا آن را پیش‌نویس ذخیره کنید. چیزی ذخیره نشد`,
    en: `The draft has ${count} error(s) and cannot be published; fix them, or save it as a draft. Nothing was saved`,
  }),
  /** Someone saved a version since the draft was opened: who, which, when — and that the draft is safe. */
  versionConflict: (
    fund: string,
    base: string,
    latest: { version: string; author?: string; date?: string; savedAt?: string },
  ): Message => {
    const time = latest.savedAt ? tehranTime(latest.savedAt) : undefined;
    const faWho = latest.author ? `«${latest.author}»` : "کسی";
    const enWho = latest.author ? `«${latest.author}»` : "someone";
    const faWhen = [latest.date ? ` در ${latest.date}` : "", time ? ` ساعت ${time} به وقت تهران` : ""].join(
      "",
    );
    const enWhen = [
      latest.date ? ` on ${latest.date}` : "",
      latest.savedAt ? ` (${latest.savedAt})` : "",
    ].join("");
    return {
      fa:
        `از وقتی این پیش‌نویس از نسخه‌ی «${base}» باز شد، ${faWho}${faWhen} نسخه‌ی «${latest.version}» از قواعد «${fund}» را ذخیره کرده است. ` +
        "چیزی ذخیره نشد؛ پیش‌نویس شما از دست نرفته و در ویرایشگر مانده است: آن را با نسخه‌ی تازه مقایسه کنید و دوباره ذخیره کنید",
      en:
        `Since this draft was opened from version «${base}», ${enWho} saved version «${latest.version}» of «${fund}»${enWhen}. ` +
        "Nothing was saved; your draft is not lost — the editor keeps it: compare it with the new version and save again",
    };
  },
  saveFailed: (why: string): Message => ({
    fa: `ذخیره‌ی نسخه ممکن نشد (${why})؛ فهرست نسخه‌ها دست نخورده است و پیش‌نویس در ویرایشگر مانده است`,
    en: `The version could not be saved (${why}); the version listing is unchanged and the draft is still in the editor`,
  }),
} as const;

/** "HH:MM" in Tehran (UTC+03:30; Iran has kept no daylight saving time since 1401/2022) of an ISO time. */
function tehranTime(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + TEHRAN_OFFSET_MS).toISOString().slice(11, 16);
}

/** Iran Standard Time, UTC+03:30, all year. */
export const TEHRAN_OFFSET_MS = 3.5 * 60 * 60 * 1000;
