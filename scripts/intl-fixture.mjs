// Writes tests/fixtures/intl.json: money and dates as Node's Intl (ICU with CLDR data) formats them,
// the published reference that src/locale.rs is checked against. Run: node scripts/intl-fixture.mjs
import { writeFileSync } from "node:fs";

const locales = ["en-GB", "en-US", "en-IE", "de-DE", "de-AT", "fr-FR", "fr-BE", "es-ES", "nl-NL", "nl-BE"];
const currencies = ["GBP", "EUR", "USD", "JPY", "CHF", "SEK", "KWD"];
const amounts = ["0", "0.5", "-0.01", "7", "999.99", "1234.5", "-1234.5", "12345.67", "1234567.891", "-98765432.1"];
const money = [];
for (const locale of locales)
  for (const currency of currencies)
    for (const amount of amounts) {
      const f = new Intl.NumberFormat(locale, { style: "currency", currency });
      money.push({ locale, currency, amount, text: f.format(Number(amount)) });
    }
const dates = [];
for (const locale of locales)
  for (let m = 1; m <= 12; m++)
    for (const d of [1, 23]) {
      const iso = `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
      dates.push({ locale, date: iso, text: f.format(new Date(iso)) });
    }
const source = `Node ${process.versions.node}, ICU ${process.versions.icu}, CLDR ${process.versions.cldr}`;
writeFileSync(new URL("../tests/fixtures/intl.json", import.meta.url), JSON.stringify({ source, money, dates }, null, 1) + "\n");
console.log(`${money.length} amounts, ${dates.length} dates from ${source}`);
