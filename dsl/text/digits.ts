/**
 * Persian ۰–۹ and Arabic-Indic ٠–٩ to ASCII. The lexer already sees ASCII digits after `normalize`;
 * this serves the parsers here when handed text by another road (case JSON, a test, a REPL), so a
 * value typed on a Persian keyboard is never rejected for its digits alone.
 */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(0x30 + c - (c >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}
