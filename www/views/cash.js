import { cashForecast, cashForecastBacktest } from "../pkg/overdue.js";
import { ask } from "./compute.js";
import { date, dayMonth as shortDate, el, money, plainMessage, svgEl, table, working } from "./format.js";
import { homeFirst } from "../store.js";

// How far ahead the forecast looks, in weeks; kept while the page is open.
let weeks = 13;

/** Where a date comes from, in the words of someone who chases invoices. */
const BASIS = {
  promise: "promised",
  customer: "from how this customer pays",
  ledger: "no payment from this customer yet: from how your customers pay",
  terms: "nothing paid yet in your records: the due date",
  beyondHistory: "later than anything on record",
};

/** Bars of what is in by the end of each week, each with a line from the likely least to the most. */
function chart(c) {
  const w = 560, h = 180, pad = 30, n = c.weeks.length, gap = 4;
  const max = Math.max(...c.weeks.map((x) => Number(x.cumulativeHigh)), 1);
  const y = (v) => h - (Number(v) / max) * (h - 20);
  const svg = svgEl("svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h + pad}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${c.currency} expected in by the end of each week: ` + c.weeks.map((x) => `${shortDate(x.end)} ${money(x.cumulativeExpected, c.currency)} (between ${money(x.cumulativeLow, c.currency)} and ${money(x.cumulativeHigh, c.currency)})`).join(", "));
  const bw = (w - gap * (n + 1)) / n;
  c.weeks.forEach((x, i) => {
    const left = gap + i * (bw + gap);
    const mid = left + bw / 2;
    svg.append(svgEl("rect", { x: left, y: y(x.cumulativeExpected), width: bw, height: Math.max(h - y(x.cumulativeExpected), 1), class: "bar current" }));
    if (x.cumulativeHigh !== x.cumulativeLow) svg.append(svgEl("line", { x1: mid, x2: mid, y1: y(x.cumulativeLow), y2: y(x.cumulativeHigh), class: "range" }));
    // A date under every other bar at most, so thirteen weeks fit on a phone.
    if (i % Math.ceil(n / 7) === 0) {
      const label = svgEl("text", { x: mid, y: h + 18, "text-anchor": "middle", class: "axis" });
      label.textContent = shortDate(x.end);
      svg.append(label);
    }
  });
  return svg;
}

function invoiceList(rows, c) {
  return table(`${c} invoices expected`, [["Customer"], ["Invoice"], ["Owed", "num"], ["Expected"], ["Likely between"], ["Why"]],
    rows.map((r) => [
      r.customerName, r.invoiceId, money(r.outstanding, c), r.expectedDate ? date(r.expectedDate) : "—",
      !r.earliestDate ? "—" : r.earliestDate === r.latestDate ? shortDate(r.earliestDate) : `${shortDate(r.earliestDate)} – ${r.latestDate ? shortDate(r.latestDate) : "later"}`,
      `${BASIS[r.basis]}${r.disputed ? "; disputed, so later" : ""}${r.brokenPromise ? "; a promise was broken" : ""}`,
    ]), { first: 10, noun: "invoices" });
}

function reliability(root, invoices, asOf) {
  const box = el("div", { id: "cash-backtest" });
  const run = el("button", { type: "button", id: "cash-backtest-run", class: "small", text: "Check it against your past" });
  box.append(el("p", { class: "hint" }, "How good would these forecasts have been? This replays your own records: a forecast made on earlier dates, from only what was known then, compared with when each invoice was really paid. ", run));
  run.addEventListener("click", async () => {
    const from = new Date(`${asOf}T00:00:00Z`);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    let out;
    try {
      run.disabled = true;
      out = await ask(cashForecastBacktest, { asOf, invoices, from: from.toISOString().slice(0, 10), everyDays: 14 });
    } catch (e) {
      box.replaceChildren(el("p", { class: "banner error", role: "alert", text: plainMessage(e) }));
      return;
    }
    if (!out.scored) {
      box.replaceChildren(el("p", { class: "hint", text: "There is not enough paid history from the past year to check against yet." }));
      return;
    }
    const days = (d) => { const n = Math.round(Number(d)); return `${n} ${n === 1 ? "day" : "days"}`; };
    box.replaceChildren(el("p", { id: "cash-backtest-result" },
      `Over the past year, ${out.scored.toLocaleString()} forecasts were on average ${days(out.meanAbsoluteErrorDays)} off (half of them within ${days(out.medianAbsoluteErrorDays)}); `,
      `${Math.round(Number(out.insideRangePercent))} % of payments came inside the likely range. `,
      `Assuming every invoice is paid on its due date would have been ${days(out.dueDateRuleMaeDays)} off.`));
  });
  root.append(box);
}

export async function render(root, ctx) {
  const { asOf, invoices, current } = ctx;
  const pick = el("select", { id: "cash-weeks", "aria-label": "How far ahead" },
    ...[4, 13, 26, 52].map((n) => el("option", { value: String(n), text: `${n} weeks` })));
  pick.value = String(weeks);
  pick.addEventListener("change", () => { weeks = Number(pick.value); render(root, ctx); });
  root.replaceChildren(el("h2", { text: "When will the money come in?" }),
    el("p", { class: "hint" }, "Each unpaid invoice gets the date it will most likely be paid, from how that customer has paid before: if they usually pay two weeks late, it is expected two weeks after its due date. Customers with little history are judged by how all your customers pay. Looking ahead ", pick, "."));
  const wait = working(invoices.length);
  root.append(wait);
  let f;
  try {
    f = await ask(cashForecast, { asOf, invoices, horizonDays: weeks * 7 });
  } catch (e) {
    if (current()) wait.replaceWith(el("p", { class: "banner error", role: "alert", text: plainMessage(e) }));
    return;
  }
  if (!current()) return;
  wait.remove();
  if (!f.invoices.length) {
    root.append(el("p", { class: "hint", text: "Nothing is owed to you right now, so there is nothing to forecast." }));
    return;
  }
  for (const c of homeFirst(f.currencies, ctx.workspace)) {
    const cur = c.currency;
    root.append(el("h3", { text: `${cur}: ${money(c.expectedInHorizon, cur)} expected by ${date(f.horizonEnd)}, of ${money(c.open, cur)} owed` }));
    const notes = [];
    if (Number(c.later)) notes.push(`${money(c.later, cur)} is expected later than that.`);
    if (Number(c.unforecast)) notes.push(`${money(c.unforecast, cur)} is already later than any payment in your records, so no date can be given: chase it.`);
    if (Number(c.disputed)) notes.push(`${money(c.disputed, cur)} is disputed and expected a month later than it would otherwise be.`);
    if (notes.length) root.append(el("p", { class: "hint", text: notes.join(" ") }));
    root.append(el("figure", { class: "chart" }, chart(c), el("figcaption", { class: "hint", text: "In by the end of each week: the bar is what is expected, the line runs from the least to the most that is likely." })));
    const mine = f.invoices.filter((r) => r.currency === cur);
    root.append(table(`${cur} by week`, [["Week"], ["Expected that week", "num"], ["Invoices", "num"], ["In by then", "num"], ["Likely between", "num"]],
      c.weeks.map((x) => [
        x.start === x.end ? shortDate(x.start) : `${shortDate(x.start)} – ${shortDate(x.end)}`,
        money(x.expected, cur), String(x.invoiceCount), money(x.cumulativeExpected, cur),
        `${money(x.cumulativeLow, cur)} – ${money(x.cumulativeHigh, cur)}`,
      ])));
    const soon = c.weeks.find((x) => x.invoiceCount);
    if (soon) {
      root.append(el("h4", { text: `Expected first: ${shortDate(soon.start)} – ${shortDate(soon.end)}` }));
      root.append(invoiceList(mine.filter((r) => r.expectedDate && r.expectedDate >= soon.start && r.expectedDate <= soon.end), cur));
    }
    root.append(el("details", { class: "cash-all" }, el("summary", { text: `Every unpaid ${cur} invoice with its expected date (${mine.length.toLocaleString()})` }), invoiceList(mine, cur)));
  }
  reliability(root, invoices, asOf);
}
