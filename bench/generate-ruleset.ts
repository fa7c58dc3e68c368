/**
 * A large rule file for the compile bench, made the way the shipped rulesets are written: a header,
 * and then, section after section, inputs with Latin aliases (money, numbers, one-of, yes/no),
 * parameters citing their clause, a look-up table, computed values, and rules with every kind of
 * outcome (reject, refer, require, warn, set), messages with holes, comments above them. Each section
 * has ten rules and its own names, so the file grows linearly with the rules asked for.
 *
 * Deterministic: the same (rules, seed) always gives the same text. The seed only varies the numbers
 * (caps, ages, rates), never the shape.
 */

import { persianDigits } from "../engine/format";
import { prng } from "./cases";

/** A whole number in Persian digits, as the rulesets write them. */
function fa(n: number): string {
  return persianDigits(String(n));
}

const RULES_PER_SECTION = 10;

/** A rule file with `rules` rules (rounded up to a whole section of ten). */
export function generateRuleset(rules: number, seed = 1): string {
  const next = prng(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const sections = Math.max(1, Math.ceil(rules / RULES_PER_SECTION));
  const out: string[] = [
    "# ═══════════════════════════════════════════════════════════════════════════════════════════════",
    "# قواعد ساختگی برای سنجش سرعت خواندن، بررسی و ترجمه (bench/generate-ruleset.ts).",
    `# ${fa(sections)} بخش، هر بخش ده قاعده با ورودی‌ها، پارامترها، جدول و مقادیر خودش.`,
    "# ═══════════════════════════════════════════════════════════════════════════════════════════════",
    "",
    "قواعد generated «صندوق ساختگی سنجش»",
    "نسخه «۱» از ۱۴۰۳/۰۱/۱۵",
    "مرجع «دستورالعمل ساختگی اعطای تسهیلات» شماره «۱-۲-۳» نسخه «۱»",
    "",
  ];
  for (let s = 1; s <= sections; s++) {
    const n = fa(s);
    const article = `ماده ${n}`;
    const cap = pick(1, 20) * 50;
    const minAge = pick(18, 25);
    const maxAge = pick(55, 70);
    const rate = pick(1, 9);
    const months = pick(2, 6) * 12;
    out.push(
      `# ───────────────────────────── بخش ${n} [${article}] ─────────────────────────────`,
      "",
      `# مبلغ درخواستی، سن متقاضی، نوع طرح و دوره‌ی بازپرداخت طرح‌های بخش ${n} [${article}، بند ۱].`,
      `ورودی مبلغ_درخواست_${n} (amount${s}): ریال`,
      `ورودی سن_${n} (age${s}): عدد`,
      `ورودی نوع_طرح_${n} (planType${s}): یکی از (ایجاد، توسعه، تکمیل، سرمایه_در_گردش)`,
      `ورودی مدت_${n} (months${s}): عدد`,
      `ورودی بیمه_${n} (insured${s}): بله/خیر`,
      `ورودی معرفی_نامه_${n} (referral${s}): بله/خیر اختیاری`,
      "",
      `پارامتر سقف_${n} = ${fa(cap)} میلیون ریال                   [${article}، بند ۲]`,
      `پارامتر حداقل_سن_${n} = ${fa(minAge)} سال                    [${article}، بند ۳]`,
      `پارامتر حداکثر_سن_${n} = ${fa(maxAge)} سال                   [${article}، بند ۳]`,
      `پارامتر نرخ_کارمزد_${n} = ${fa(rate)}٪                        [${article}، بند ۴]`,
      `پارامتر حداکثر_مدت_${n} = ${fa(months)} ماه                  [${article}، بند ۵]`,
      "",
      `# سهم هر نوع طرح از سقف [${article}، بند ۲، تبصره ۱].`,
      `جدول ضریب_طرح_${n} [${article}، بند ۲] (یکتا)`,
      "  | نوع            || ضریب |",
      "  | ایجاد          || ۱۰۰٪ |",
      "  | توسعه          || ۸۰٪  |",
      "  | تکمیل          || ۶۰٪  |",
      "  | سرمایه_در_گردش || ۴۰٪  |",
      "",
      `مقدار سقف_طرح_${n} = سقف_${n} × ضریب_طرح_${n}(نوع_طرح_${n})                    [${article}، بند ۲]`,
      `مقدار کارمزد_${n} = گرد(مبلغ_درخواست_${n} × نرخ_کارمزد_${n} × مدت_${n} ÷ ۱۲)     [${article}، بند ۴]`,
      `مقدار نیمه_سقف_${n} = سقف_طرح_${n} × ۵۰٪                                      [${article}، بند ۲]`,
      "",
      `قاعده «مبلغ بخش ${n}» [${article}، بند ۱]`,
      `  اگر مبلغ_درخواست_${n} کمتر یا مساوی ۰ ریال`,
      `  آنگاه رد «مبلغ درخواستی بخش ${n} باید بیشتر از صفر باشد»`,
      "",
      `قاعده «سقف بخش ${n}» [${article}، بند ۲]`,
      `  اگر مبلغ_درخواست_${n} بیشتر از سقف_طرح_${n}`,
      `  آنگاه رد «مبلغ ({مبلغ_درخواست_${n}}) از سقف طرح ({سقف_طرح_${n}}) بیشتر است»`,
      "",
      `# فرض: دو سر بازه‌ی سن پذیرفته است [${article}، بند ۳].`,
      `قاعده «سن بخش ${n}» [${article}، بند ۳]`,
      `  اگر سن_${n} خارج از حداقل_سن_${n} تا حداکثر_سن_${n}`,
      `  آنگاه رد «سن متقاضی ({سن_${n}}) باید میان {حداقل_سن_${n}} و {حداکثر_سن_${n}} باشد»`,
      "",
      `قاعده «مدت بخش ${n}» [${article}، بند ۵]`,
      `  اگر مدت_${n} بیشتر از حداکثر_مدت_${n} یا مدت_${n} کمتر از ۱`,
      `  آنگاه رد «دوره‌ی بازپرداخت حداکثر {حداکثر_مدت_${n}} است»`,
      "",
      `قاعده «بیمه بخش ${n}» [${article}، بند ۶]`,
      `  اگر بیمه_${n} = خیر`,
      "  آنگاه",
      `    ارجاع به «کمیته فنی» «طرح بدون بیمه‌ی بخش ${n} نخست به تأیید کمیته‌ی فنی می‌رسد»`,
      `    ارجاع به «هیئت مدیره» «و سپس به تصویب هیئت مدیره»`,
      "",
      `قاعده «توسعه بزرگ بخش ${n}» [${article}، بند ۲، تبصره ۲]`,
      `  اگر نوع_طرح_${n} = توسعه و مبلغ_درخواست_${n} بیشتر از نیمه_سقف_${n}`,
      `  آنگاه ارجاع به «معاونت طرح‌ها» «طرح توسعه بیش از {نیمه_سقف_${n}} به بررسی معاونت طرح‌ها نیاز دارد»`,
      "",
      `قاعده «معرفی‌نامه بخش ${n}» [${article}، بند ۷]`,
      `  اگر معرفی_نامه_${n} ناموجود و نوع_طرح_${n} در (ایجاد، تکمیل)`,
      `  آنگاه الزام «معرفی‌نامه‌ی دستگاه اجرایی» «طرح ${n} بی معرفی‌نامه پذیرفته نمی‌شود»`,
      "",
      `قاعده «کارمزد زیاد بخش ${n}» [${article}، بند ۴]`,
      `  اگر کارمزد_${n} بیشتر از مبلغ_درخواست_${n} × ۱۰٪`,
      `  آنگاه هشدار «کارمزد ({کارمزد_${n}}) بیش از یک‌دهم مبلغ است»`,
      "",
      `قاعده «کارمزد بخش ${n}» [${article}، بند ۴]`,
      `  اگر مبلغ_درخواست_${n} بیشتر از ۰ ریال`,
      `  آنگاه تعیین کارمزد_تعیین_شده_${n} = کارمزد_${n}`,
      "",
      `قاعده «سرمایه در گردش بخش ${n}» [${article}، بند ۸]`,
      `  اگر نوع_طرح_${n} = سرمایه_در_گردش و (مدت_${n} بیشتر از ۳۶ یا بیمه_${n} = خیر)`,
      `  آنگاه رد «سرمایه در گردش بخش ${n} تا ۳۶ ماه و با بیمه داده می‌شود»`,
      "",
    );
  }
  return out.join("\n");
}
