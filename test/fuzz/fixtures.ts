/** Rulesets the hostile-input tests run on: two real ones and a small one with every input type. */
import { readFileSync } from "node:fs";
import { type Artefact, compile } from "zavabet";

export const HEADER = "قواعد نمونه «صندوق نمونه»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «آزمایشی»\n";

/** Every input type once, each used by a value or a rule. */
export const EVERY_TYPE = `${HEADER}
ورودی مبلغ (amount): ریال
ورودی سن (age): عدد
ورودی نرخ (rate): درصد
ورودی تاریخ_درخواست (requestDate): تاریخ
ورودی نام (name): متن اختیاری
ورودی بیمه (insured): بله/خیر
ورودی نوع (kind): یکی از (الف، ب)
ورودی اقلام (items): فهرست از (ارزش (value): ریال، گونه (sort): یکی از (سفته، ملک))

مقدار کارمزد = مبلغ × نرخ [م]
مقدار جمع_اقلام = جمع(اقلام، ارزش) [م]

قاعده «سن» [م]
  اگر سن کمتر از ۱۸ یا تاریخ_درخواست کمتر از ۱۴۰۰/۰۱/۰۱
  آنگاه رد «سن کم است»

قاعده «نوع» [م]
  اگر نوع = ب و نه بیمه و جمع_اقلام کمتر از مبلغ
  آنگاه ارجاع به «کمیته» «وثیقه کم است»
`;

export function compiled(source: string): Artefact {
  const { artefact, diagnostics } = compile(source);
  if (!artefact) throw new Error(diagnostics.map((d) => `${d.range.startLine}: ${d.message.en}`).join("\n"));
  return artefact;
}

export const SOURCES: Record<string, string> = {
  electronics: readFileSync("rulesets/electronics/versions/2.zb", "utf8"),
  omid: readFileSync("bench/fixtures/omid-eligibility.zb", "utf8"),
  everyType: EVERY_TYPE,
};
