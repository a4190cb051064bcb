// Formatting for people: amounts arrive as exact decimal strings and are formatted without a detour
// through floating point (Intl.NumberFormat accepts decimal strings), dates in the user's language.
export const locale = navigator.language || "en-GB";

// Formatters are costly to create and a big ledger formats thousands of figures: one per currency.
const moneyFormats = new Map();
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });

/** The decimal separator of the user's locale, tried first when an amount is typed. */
export const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value === "," ? "," : ".";

/** An example amount as this locale writes it, for placeholders ("1,250.00" / "1.250,00"). */
export const amountExample = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1250);

export function money(amount, currency) {
  let f = moneyFormats.get(currency);
  if (!f) moneyFormats.set(currency, (f = new Intl.NumberFormat(locale, { style: "currency", currency })));
  return f.format(amount);
}

const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
const shortMonthFormat = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
const dayMonthFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });

/** A "YYYY-MM-DD" day without its year, as the user's language writes it ("Dec 6", "6. Dez."). */
export function dayMonth(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return dayMonthFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A "YYYY-MM" month as the user's language writes it ("Nov 2026"; `short`: "Nov"). */
export function month(ym, short = false) {
  const [y, m] = ym.split("-").map(Number);
  return (short ? shortMonthFormat : monthFormat).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function date(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today in the user's own calendar, not UTC: an invoice due today is not late yet. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** An element with text and attributes; text is always set as text, never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** An SVG element with attributes (numbers written as they print). */
export function svgEl(tag, attrs = {}) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A labelled form field; `hint` is shown under the input. The input keeps an id it already has. */
export function field(label, input, hint) {
  input.id ||= `f-${input.name}`;
  return el("div", { class: "field" }, el("label", { for: input.id, text: label }), input, ...(hint ? [el("small", { text: hint })] : []));
}

/** "1 invoice", "1,250 invoices": a count with its noun, `[one, many]`. */
// Amounts the module wrote carry exactly their currency's minor digits, so their digits compare as
// whole numbers of minor units: exact, where adding floats is not.
export const units = (amount) => BigInt(String(amount).replace(".", ""));

/** Minor units back to a decimal string with as many decimals as `like` has. */
export function fromUnits(n, like) {
  const minor = String(like).split(".")[1]?.length ?? 0;
  if (!minor) return String(n);
  const sign = n < 0n ? "-" : "";
  const a = n < 0n ? -n : n;
  return `${sign}${a / 10n ** BigInt(minor)}.${String(a % 10n ** BigInt(minor)).padStart(minor, "0")}`;
}

export const plural = (n, [one, many]) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "a, b and c". */
export const listed = (parts) => (parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0] ?? "");

/** A table with a header row; `cols` are [label, className?]; rows are arrays of strings. */
/**
 * A table of the first `first` rows, with a button for the rest. `total` and `rest` are for rows
 * not yet fetched: how many there are in all, and a function that returns those after the first
 * (or a promise of them).
 */
export function table(caption, cols, rows, { first = Infinity, noun = "rows", total = rows.length, rest = () => rows.slice(first) } = {}) {
  const t = el("table");
  t.append(el("caption", { class: "visually-hidden", text: caption }));
  const head = el("tr");
  for (const [label, cls] of cols) head.append(el("th", { scope: "col", class: cls ?? "", text: label }));
  t.append(el("thead", {}, head));
  const body = el("tbody");
  const add = (list) => {
    for (const r of list) {
      const tr = el("tr");
      r.forEach((v, i) => tr.append(el("td", { class: cols[i][1] ?? "", text: v })));
      body.append(tr);
    }
  };
  add(rows.slice(0, first));
  t.append(body);
  // Focusable, so a table wider than a phone can be scrolled from the keyboard.
  const wrap = el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption }, t);
  if (total <= first) return wrap;
  // Thousands of rows take seconds to lay out: the first ones now, the rest when asked for.
  return el("div", {}, wrap, showAll(`Show all ${total.toLocaleString()} ${noun}`, `The first ${first.toLocaleString()} of ${total.toLocaleString()} are shown. `, () => Promise.resolve(rest()).then(add)));
}

/**
 * An error of the module in the page's words: the field names it quotes (`count`) become the
 * labels the user sees (“Number of instalments”), and a path (policy[2].offsetDays) names the row.
 */
export function plainMessage(e, labels = {}, rowName = "row") {
  const name = (key) => labels[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const message = String(e?.message ?? e).replace(/`([A-Za-z][\w.[\]]*)`/g, (_, key) => `“${name(key.split(".").pop())}”`);
  const path = String(e?.path ?? "");
  const row = /\[(\d+)\]\.(\w+)$/.exec(path);
  if (row) return `${rowName} ${Number(row[1]) + 1}, ${name(row[2])}: ${message}`;
  return path && labels[path] && !message.includes(labels[path]) ? `${labels[path]}: ${message}` : message;
}

/** What a view shows while its answer is worked out (seen only when the worker takes a while). */
export const working = (invoices) => el("p", { class: "hint working", role: "status", text: `Working it out for ${invoices.toLocaleString()} invoices…` });

/** A hint with a button that runs `more` once and then takes itself away. */
export function showAll(label, hint, more) {
  const button = el("button", { type: "button", class: "small show-all", text: label });
  const p = el("p", { class: "hint" }, hint, button);
  button.addEventListener("click", () => { p.remove(); more(); });
  return p;
}

/** `fn` once input has paused for `ms`: a keystroke must not wait for a whole ledger's recomputation. */
export function debounced(fn, ms = 250) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
