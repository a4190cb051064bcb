// The calculator page keeping a workspace in the browser, in headless Chromium with its real CSP:
// add an invoice and find it in the ageing and after a reload; import a CSV with bad rows; a hostile
// customer name shown as text everywhere, notices included; export → clear → import; corrupted
// storage offered back as a download; a workspace too large for localStorage kept in IndexedDB; a full
// storage reported with nothing lost; two tabs; no request
// leaving the origin; axe-core finds no serious or critical violation in any view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/app.mjs";
import { launch } from "./lib/browser.mjs";
import { serveSite } from "./lib/site.mjs";
import { importFixture } from "./lib/fixtures.mjs";

const KEY = "overdue.workspace";
const EVIL = "<img src=x onerror=alert(1)>";
let site, browser;
const problems = [];
const foreign = [];

before(async () => {
  site = await serveSite("www-page");
  browser = await launch();
  mkdirSync(join(root, "artifacts"), { recursive: true });
});
after(async () => {
  await browser.close();
  site.close();
  assert.deepEqual(foreign, [], "no request leaves the origin");
});

async function open(path = "/", init) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 850 });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()} (${page.url()})`); });
  page.on("dialog", async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith(site.origin) && !r.url().startsWith("about:") && !r.url().startsWith("blob:")) foreign.push(r.url()); });
  if (init) await page.addInitScript(init);
  await page.goto(site.origin + path);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return page;
}

/** Starts the page over with nothing stored: a first visit. */
async function forget(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const shot = (page, name) => page.screenshot({ path: join(root, `artifacts/page-${name}.png`), fullPage: true });

async function axe(page, label) {
  await page.addScriptTag({ url: `${site.origin}/axe.min.js` });
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(result, [], `axe-core in ${label}`);
}

test("first visit: the demo, labelled; start empty; add an invoice; it is in the ageing and survives a reload", async () => {
  const page = await open("/#invoices");
  assert.match(await page.textContent("#demo-note"), /demo ledger/);
  assert.equal(await stored(page), null, "the demo is not saved until something changes");
  await page.click("#demo-clear");
  await page.waitForFunction(() => !document.querySelector("#demo-note"));
  assert.equal(JSON.parse(await stored(page)).invoices.length, 0);

  await page.click("#add-box summary");
  await page.fill("#i-customer", "Quayside Studio");
  await page.fill("#i-id", "Q-1");
  await page.fill("#i-amount", "1,250.50");
  await page.fill("#i-issue", "2026-01-05");
  await page.fill("#i-due", "2026-02-04");
  await page.click("#add-invoice button[type=submit]");
  await page.waitForSelector("#invoices tbody tr");
  assert.match(await page.textContent("#invoices tbody"), /Q-1/);
  // The form stays open for the next invoice, empty, and says what was added.
  assert.equal(await page.textContent("#added"), "Added Q-1 for Quayside Studio, £1,250.50. The form is ready for the next one.");
  assert.equal(await page.inputValue("#i-id"), "");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "i-customer");
  // A bad amount is refused with the field marked.
  await page.fill("#i-customer", "Quayside Studio");
  await page.fill("#i-id", "Q-2");
  await page.fill("#i-amount", "12.345");
  await page.fill("#i-due", "2026-03-04");
  await page.click("#add-invoice button[type=submit]");
  await page.waitForSelector("#add-invoice .error:not([hidden])");
  assert.match(await page.textContent("#add-invoice .error"), /decimal/);
  assert.equal(await page.getAttribute("#i-amount", "aria-invalid"), "true");

  await page.click("#tab-aging");
  await page.waitForSelector(".chart svg");
  assert.match(await page.textContent("#panel"), /£1,250\.50 owed/);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#tab-invoices");
  await page.waitForSelector("#invoices tbody tr");
  assert.equal(await page.locator("#invoices tbody tr").count(), 1);
  assert.equal(JSON.parse(await stored(page)).invoices[0].amount, "1250.50");
  // Part payment and mark paid.
  await page.click("button[aria-label='Part paid… Q-1']");
  await page.fill("input[aria-label='Amount paid on Q-1']", "250.50");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#invoices tbody").textContent.includes("£1,000.00"));
  await page.click("button[aria-label='Paid Q-1']");
  await page.waitForFunction(() => document.querySelector("#invoices tbody td.status").textContent.startsWith("Paid"));
  const payments = JSON.parse(await stored(page)).invoices[0].payments;
  assert.deepEqual(payments.map((p) => p.amount), ["250.50", "1000.00"]);
  // Edit: a new due date and a corrected name; a due date before the issue date is refused.
  await page.click("button[aria-label='Edit… Q-1']");
  await page.fill("input[aria-label='Due date of Q-1']", "2025-12-01");
  await page.click("form.inline button[type=submit]");
  await page.waitForSelector("form.inline .error:text-matches('before the issue date')");
  await page.fill("input[aria-label='Due date of Q-1']", "2026-02-14");
  await page.fill("input[aria-label='Customer of Q-1']", "Quayside Studio Ltd");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).invoices[0].dueDate === "2026-02-14", KEY);
  assert.equal(JSON.parse(await stored(page)).invoices[0].customer.name, "Quayside Studio Ltd");
  await axe(page, "invoices");
  await page.close();
});

test("CSV import: two bad rows reported with their lines, the others imported", async () => {
  const page = await open("/#invoices");
  await forget(page);
  await page.click("#demo-clear");
  await page.click("#import-box summary");
  const csv = "Invoice Number;Customer;Currency;Amount;Invoice Date;Due Date\n" +
    "R-1;Müller GmbH;EUR;1.234,56;01.09.2026;01.10.2026\n" +
    "R-2;Müller GmbH;EUR;zwölf;01.09.2026;01.10.2026\n" +
    `R-3;${EVIL};EUR;99,90;02.09.2026;02.10.2026\n` +
    "R-4;Weber KG;EUR;10,00;03.09.2026;31.02.2026\n" +
    "R-5;Weber KG;EUR;250,00;03.09.2026;03.10.2026\n";
  await page.setInputFiles("#csv-file", { name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector("#csv-import");
  const errors = await page.locator(".csv-errors li").allTextContents();
  assert.deepEqual(errors.map((e) => e.split(":")[0]), ["Line 3 (Amount)", "Line 5 (Due date)"]);
  assert.equal(await page.textContent("#csv-import"), "Import 3 invoices");
  await shot(page, "import-preview");
  await page.click("#csv-import");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 3);
  assert.deepEqual(JSON.parse(await stored(page)).invoices.map((i) => i.id), ["R-1", "R-3", "R-5"]);
  assert.equal(await page.locator("#invoices img").count(), 0);
  assert.ok((await page.textContent("#invoices tbody")).includes(EVIL), "the name is shown as text");
  await page.close();
});

test("a hostile customer name is text in every view and in the notice", async () => {
  const page = await open("/#notice");
  for (const view of ["chase", "aging", "cash", "invoices", "notice", "charges", "plan", "data"]) {
    await page.click(`#tab-${view}`);
    await page.waitForFunction((v) => document.querySelector("#panel").getAttribute("aria-labelledby") === `tab-${v}`, view);
    assert.equal(await page.locator("#panel img").count(), 0, view);
  }
  await page.click("#tab-notice");
  await page.waitForSelector("#n-text");
  const options = await page.locator("#n-customer option").allTextContents();
  const evil = options.findIndex((o) => o.includes(EVIL));
  assert.ok(evil >= 0, options.join(" | "));
  await page.selectOption("#n-customer", { index: evil });
  await page.selectOption("#n-channel", "letter");
  await page.waitForFunction((e) => document.querySelector("#n-text").textContent.includes(e), EVIL);
  const frame = page.frameLocator("#n-html");
  await frame.locator("body").waitFor();
  assert.equal(await frame.locator("img").count(), 0, "no image element in the notice");
  assert.match(await frame.locator(".recipient").textContent(), /<img src=x onerror=alert\(1\)>/);
  await page.close();
});

test("notices: live preview in five languages, download, record as sent", async () => {
  const page = await open("/");
  await forget(page);
  await page.click("#tab-notice");
  await page.waitForSelector("#n-text");
  // The demo's most urgent customer is offered with what the ladder says is due.
  assert.match(await page.locator("#n-customer option").first().textContent(), /\(GBP\)/);
  await page.selectOption("#n-language", "de");
  await page.waitForFunction(() => /Mit freundlichen Grüßen/.test(document.querySelector("#n-text").textContent));
  await page.selectOption("#n-language", "fr");
  await page.waitForFunction(() => /Cordialement|Veuillez|Nous vous prions/.test(document.querySelector("#n-text").textContent));
  await page.selectOption("#n-language", "en");
  await page.selectOption("#n-stage", "final");
  await page.waitForFunction(() => document.querySelector("#n-subject").textContent.startsWith("Subject: Final notice"));
  await shot(page, "notice");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#n-txt")]);
  const text = readFileSync(await download.path(), "utf8");
  assert.match(text, /^Subject: Final notice: /);
  await page.click("#n-sent");
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k))?.history ?? []).some((h) => h.stageId === "final"), KEY);
  await axe(page, "notice");
  await page.close();
});

test("notices: the recipient, what is missing before sending, and an email app link with the notice in it", async () => {
  // No fixed clock here: Playwright's clock script would be refused by the preview's sandboxed frame
  // (a console error). Due 31 October 2026, the invoice is overdue on any day this test runs.
  const page = await open("/");
  const ws = { version: 1, sender: { name: "Harbour Lane Design" }, invoices: [
    { id: "E-1", customer: { id: "k", name: "Kestrel Ltd", email: "ap@kestrel.example" }, currency: "GBP", amount: "480.00", issueDate: "2026-10-01", dueDate: "2026-10-31" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?mail#notice`);
  await page.waitForSelector("#n-text");
  await page.selectOption("#n-channel", "email");
  await page.waitForFunction(() => document.querySelector("#n-to").textContent === "To: ap@kestrel.example");
  // No bank details nor payment link in the sender's details.
  assert.deepEqual(await page.locator("#n-warnings li").allTextContents(), ["No bank details or payment link: the customer is not told how to pay."]);
  // The link opens the user's email program with this very notice: its subject and its text.
  const href = await page.getAttribute("#n-mailto", "href");
  const url = new URL(href);
  assert.equal(url.protocol, "mailto:");
  assert.equal(decodeURIComponent(url.pathname), "ap@kestrel.example");
  assert.equal(url.searchParams.get("subject"), (await page.textContent("#n-subject")).replace(/^Subject: /, ""));
  assert.equal(url.searchParams.get("body"), await page.textContent("#n-text"));
  // A letter: no address for the customer, none for the sender, nobody signing.
  await page.selectOption("#n-channel", "letter");
  await page.waitForFunction(() => document.querySelectorAll("#n-warnings li").length === 4);
  assert.equal(await page.isVisible("#n-mailto"), false, "no email link for a letter");
  assert.match((await page.locator("#n-warnings li").allTextContents()).join(" "), /Kestrel Ltd's address is missing/);
  await axe(page, "notice with warnings");
  await page.close();
});

test("notices offer the late charges the user may claim, and add them when ticked", async () => {
  const page = await open("/");
  // UK Act (the rules kept from Late charges): £1,000 due 25 August 2026, interest from the 26th at
  // 8 % over the Bank Rate of 30 June 2026 (3.75 %): 11.75 %, ÷ 365, to today; £70 fixed sum for a
  // debt of £1,000 to £9,999.99. Worked out here for the day the test runs (no fixed clock: see above).
  const now = new Date();
  const todayUtc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const days = (todayUtc - Date.UTC(2026, 7, 25)) / 864e5;
  const pence = Math.round(1000 * 11.75 * days / 365); // 1000 × 0.1175 × days / 365 in pence
  const pounds = (p) => `£${Math.floor(p / 100).toLocaleString("en-GB")}.${String(p % 100).padStart(2, "0")}`;
  const ws = { version: 1, settings: { regime: "uk" }, sender: { name: "Harbour Lane Design", bankDetails: "Sort code 20-00-00" }, invoices: [
    { id: "U-1", customer: { id: "k", name: "Kestrel Ltd" }, currency: "GBP", amount: "1000.00", issueDate: "2026-07-26", dueDate: "2026-08-25" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?charges#notice`);
  await page.waitForSelector("#n-charges-note");
  assert.equal(await page.textContent("#n-charges-note"), `${pounds(pence + 7000)} under UK (Late Payment Act: 8% over Bank Rate, £40–£100). The rules are set in Late charges.`);
  assert.equal((await page.textContent("#n-text")).includes(pounds(pence)), false, "not in the notice until asked for");
  await page.check("#n-charges");
  await page.waitForFunction((p) => document.querySelector("#n-text").textContent.includes(p), pounds(pence));
  assert.ok((await page.textContent("#n-text")).includes("£70.00"), "the fixed sum is claimed too");
  await page.close();
});

test("a credit note on the customer's account: the notice asks for what it leaves owed and the late charges run on that", async () => {
  const page = await open("/");
  // £1,000 due 31 October 2026, credit note CN-1 for £400 dated 1 November: £600.00 is owed. UK Act
  // interest at 11.75 % (8 % over the 3.75 % Bank Rate of 30 June 2026), ÷ 365: 1 November on
  // £1,000 (the credit note's day is charged at the balance before it), each day after on £600,
  // rounded once; £70 fixed sum (a debt of £1,000). No fixed clock: see the test above.
  const now = new Date();
  const days = (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(2026, 9, 31)) / 864e5;
  const pence = Math.round((1000 * 1 + 600 * (days - 1)) * 11.75 / 365);
  const pounds = (p) => `£${Math.floor(p / 100).toLocaleString("en-GB")}.${String(p % 100).padStart(2, "0")}`;
  const ws = { version: 1, settings: { regime: "uk" }, sender: { name: "Harbour Lane Design", bankDetails: "Sort code 20-00-00" }, invoices: [
    { id: "K-1", customer: { id: "k", name: "Kestrel Ltd" }, currency: "GBP", amount: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" }],
    documents: [{ kind: "creditNote", id: "CN-1", customerId: "k", currency: "GBP", date: "2026-11-01", amount: "400.00" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?credit#notice`);
  await page.waitForSelector("#n-charges-note");
  await page.selectOption("#n-stage", "followup");
  await page.waitForFunction(() => /^Total +£600\.00$/m.test(document.querySelector("#n-text").textContent));
  assert.equal(await page.isChecked("#n-statement"), false, "no statement attached: the letter nets the credit note itself");
  assert.match(await page.textContent("#n-text"), /the £600\.00 outstanding on invoice K-1/);
  assert.equal(await page.textContent("#n-charges-note"), `${pounds(pence + 7000)} under UK (Late Payment Act: 8% over Bank Rate, £40–£100). The rules are set in Late charges.`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("payments are listed per invoice, and each can be changed or removed (and the change undone)", async () => {
  const page = await open("/");
  // £750 invoiced, a payment typed as 5,000 instead of 500.
  const ws = { version: 1, invoices: [{ id: "P-7", customer: { id: "o", name: "Orchard Dental" }, currency: "GBP", amount: "750.00",
    issueDate: "2026-09-01", dueDate: "2026-10-01", payments: [{ date: "2026-10-20", amount: "5000.00", reference: "BACS" }] }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?payments#invoices`);
  const owed = () => page.locator("#invoices tbody tr").first().locator("td").nth(4).textContent();
  assert.equal(await owed(), "-£4,250.00", "750 − 5,000");
  await page.click("button[aria-label='Payments… P-7']");
  assert.match(await page.textContent(".payments li"), /£5,000\.00 \(BACS\)/);
  await page.fill("input[aria-label='Amount of payment 1 on P-7']", "500");
  await page.click("button[aria-label='Save payment 1 on P-7']");
  await page.waitForFunction(() => document.querySelector("#invoices tbody tr td:nth-child(5)")?.textContent === "£250.00");
  assert.deepEqual(JSON.parse(await stored(page)).invoices[0].payments, [{ date: "2026-10-20", amount: "500.00", reference: "BACS" }]);
  await page.click("button[aria-label='Payments… P-7']");
  await page.click("button[aria-label='Remove payment 1 on P-7']");
  await page.waitForFunction(() => document.querySelector("#invoices tbody tr td:nth-child(5)")?.textContent === "£750.00");
  // The workspace leaves an empty list out.
  assert.deepEqual(JSON.parse(await stored(page)).invoices[0].payments ?? [], []);
  await page.click("#undo");
  await page.waitForFunction(() => document.querySelector("#invoices tbody tr td:nth-child(5)")?.textContent === "£250.00");
  await page.close();
});

test("invoices can be searched, filtered and sorted, and the search box keeps its text and focus", async () => {
  const page = await open("/");
  const inv = (id, name, amount, dueDate, extra = {}) => ({ id, customer: { id: name, name }, currency: "GBP", amount, issueDate: "2026-01-01", dueDate, ...extra });
  const ws = { version: 1, invoices: [
    inv("A-10", "Zephyr Cafe", "100.00", "2026-03-01"),
    inv("A-2", "Apple Barn", "900.00", "2026-05-01"),
    inv("A-3", "Apple Barn", "50.00", "2026-02-01", { payments: [{ date: "2026-02-01", amount: "50.00" }] }),
    inv("B-1", "Mill Lane", "400.00", "2026-04-01", { disputed: true }),
  ] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?find#invoices`);
  await page.waitForSelector("#inv-search");
  const ids = () => page.locator("#invoices tbody tr td:nth-child(2)").allTextContents();
  // Most days late first: the earliest due date first, the paid one (0 days late) last.
  assert.deepEqual(await ids(), ["A-10", "B-1", "A-2", "A-3"]);
  await page.locator("#inv-search").pressSequentially("apple");
  await page.waitForFunction(() => document.querySelector("#inv-count")?.textContent === "2 of 4 invoices match.");
  assert.deepEqual(await ids(), ["A-2", "A-3"]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "inv-search", "typing goes on in the box");
  assert.equal(await page.inputValue("#inv-search"), "apple");
  await page.fill("#inv-search", "");
  await page.press("#inv-search", "Enter");
  await page.waitForFunction(() => document.querySelector("#inv-count")?.textContent === "4 invoices.");
  await page.selectOption("#inv-status", "disputed");
  await page.waitForFunction(() => document.querySelector("#inv-count")?.textContent === "1 of 4 invoices match.");
  assert.deepEqual(await ids(), ["B-1"]);
  await page.selectOption("#inv-status", "all");
  await page.selectOption("#inv-sort", "id");
  // Numbers within the text compare as numbers.
  await page.waitForFunction(() => document.querySelector("#invoices tbody tr td:nth-child(2)")?.textContent === "A-2");
  assert.deepEqual(await ids(), ["A-2", "A-3", "A-10", "B-1"]);
  await page.selectOption("#inv-sort", "owed");
  await page.waitForFunction(() => document.querySelector("#invoices tbody tr td:nth-child(2)")?.textContent === "A-2");
  assert.deepEqual(await ids(), ["A-2", "B-1", "A-10", "A-3"]);
  await axe(page, "invoices with the search tools");
  await page.close();
});

test("export, clear, import: the workspace comes back exactly", async () => {
  const page = await open("/#data");
  await forget(page);
  // Make the demo real by changing it, so it is saved.
  await page.fill("#s-name", "Harbour Lane Design Ltd");
  await page.locator("#s-name").blur();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  const before = JSON.parse(await stored(page));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const exported = readFileSync(await download.path(), "utf8");
  await page.click("#start-empty");
  await page.click("#start-empty-yes");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).invoices.length === 0, KEY);
  await page.setInputFiles("#import-file", { name: "back.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await page.waitForFunction(() => /Imported/.test(document.querySelector("#data-msg").textContent));
  assert.deepEqual(JSON.parse(await stored(page)), before);
  // A broken file changes nothing.
  await page.setInputFiles("#import-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(exported.replace('"dueDate": "', '"dueDate": "x')) });
  await page.waitForFunction(() => /could not be imported/.test(document.querySelector("#data-msg").textContent));
  assert.deepEqual(JSON.parse(await stored(page)), before);
  await axe(page, "data");
  await shot(page, "data");
  await page.close();
});

test("corrupted storage: the page opens, keeps the data as a backup and offers it", async () => {
  const page = await open("/");
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"invoices":[{"id":"A", oops'), KEY);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.textContent("#banners"), /could not be read/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#banners button:has-text('Download the saved data')")]);
  assert.equal(readFileSync(await download.path(), "utf8"), '{"version":1,"invoices":[{"id":"A", oops');
  assert.equal(await stored(page), '{"version":1,"invoices":[{"id":"A", oops', "nothing overwritten by opening the page");
  await shot(page, "corrupted");
  // A workspace from a newer page is left alone and nothing is saved over it.
  await page.evaluate((k) => localStorage.setItem(k, '{"version":99,"invoices":[]}'), KEY);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.textContent("#banners"), /newer version/);
  await page.click("#tab-data");
  await page.fill("#s-name", "Changed");
  await page.locator("#s-name").blur();
  assert.equal(await stored(page), '{"version":99,"invoices":[]}');
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

/** Adds one invoice through the form. */
async function addInvoice(page, id, customer, amount) {
  await page.click("#add-box summary");
  await page.fill("#i-customer", customer);
  await page.fill("#i-id", id);
  await page.fill("#i-amount", amount);
  await page.fill("#i-issue", "2026-09-01");
  await page.fill("#i-due", "2026-10-01");
  await page.click("#add-invoice button[type=submit]");
}

/** What the page's IndexedDB holds under `key` (storage.js: database "overdue", store "items"). */
const inDb = (page, key) => page.evaluate((k) => new Promise((resolve, reject) => {
  const r = indexedDB.open("overdue", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("items");
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const get = r.result.transaction("items").objectStore("items").get(k);
    get.onsuccess = () => { r.result.close(); resolve(get.result ?? null); };
  };
}), key);

const clearDb = (page) => page.evaluate(() => new Promise((resolve) => {
  const r = indexedDB.open("overdue", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("items");
  r.onsuccess = () => {
    const tx = r.result.transaction("items", "readwrite");
    tx.objectStore("items").clear();
    tx.oncomplete = () => { r.result.close(); resolve(undefined); };
  };
}));

// localStorage refuses the workspace (as it does past about 5 million characters, some 30,000
// invoices): sessionStorage's flag survives a reload, the patched setItem throws what Chromium throws.
const quotaForWorkspace = () => {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (k === "overdue.workspace" && (window.__full || sessionStorage.getItem("full") === "1")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return real.call(this, k, v);
  };
};

test("a workspace too large for localStorage goes to IndexedDB: saved, there after a reload, seen by another tab", async () => {
  const page = await open("/#invoices", quotaForWorkspace);
  await forget(page);
  await page.click("#demo-clear");
  assert.ok(await stored(page), "an empty workspace fits in localStorage");
  assert.equal(await inDb(page, KEY), null);
  await page.evaluate(() => sessionStorage.setItem("full", "1"));
  await addInvoice(page, "BIG-1", "Large Ledger Ltd", "10");
  // Written to IndexedDB; only then is the localStorage copy removed.
  await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY, { timeout: 5000 });
  const kept = JSON.parse(await inDb(page, KEY));
  assert.deepEqual(kept.invoices.map((i) => [i.id, i.customer.name, i.amount]), [["BIG-1", "Large Ledger Ltd", "10.00"]]);
  assert.equal(await page.locator(".banner.save").count(), 0, "nothing says it was not saved");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.textContent("#invoices tbody"), /BIG-1/, "read back from IndexedDB");
  // A second tab opens it too, and sees the first tab's next change (told through BroadcastChannel).
  const other = await open("/#invoices");
  assert.match(await other.textContent("#invoices tbody"), /BIG-1/);
  await addInvoice(page, "BIG-2", "Large Ledger Ltd", "20");
  await other.waitForFunction(() => document.querySelector("#invoices tbody")?.textContent.includes("BIG-2"), null, { timeout: 5000 });
  assert.match(await other.textContent("#banners"), /another tab/);
  assert.deepEqual(JSON.parse(await inDb(page, KEY)).invoices.map((i) => i.id).sort(), ["BIG-1", "BIG-2"]);
  await other.close();
  await clearDb(page);
  await page.evaluate(() => { sessionStorage.clear(); localStorage.clear(); });
  await page.close();
});

test("a full storage (and no IndexedDB): the user is told, what was saved is intact, the change stays on screen", async () => {
  const page = await open("/#invoices", () => {
    Object.defineProperty(window, "indexedDB", { value: undefined });
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full && k === "overdue.workspace") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, k, v);
    };
  });
  await forget(page);
  await page.click("#demo-clear");
  const saved = await stored(page);
  await page.evaluate(() => { window.__full = true; });
  await page.click("#add-box summary");
  await page.fill("#i-customer", "Full Ltd");
  await page.fill("#i-id", "F-1");
  await page.fill("#i-amount", "10");
  await page.fill("#i-issue", "2026-09-01");
  await page.fill("#i-due", "2026-10-01");
  await page.click("#add-invoice button[type=submit]");
  await page.waitForSelector(".banner.save");
  assert.match(await page.textContent(".banner.save"), /storage for this page is full/);
  assert.equal(await stored(page), saved, "the saved workspace is unchanged");
  assert.match(await page.textContent("#invoices tbody"), /F-1/, "the change is still shown");
  await shot(page, "storage-full");
  await page.close();
});

test("two tabs: a change in one shows in the other", async () => {
  const a = await open("/#invoices");
  await forget(a);
  await a.click("#demo-clear");
  const b = await open("/#invoices");
  await a.click("#add-box summary");
  await a.fill("#i-customer", "Tab Two Ltd");
  await a.fill("#i-id", "T-2");
  await a.fill("#i-amount", "20");
  await a.fill("#i-issue", "2026-09-01");
  await a.fill("#i-due", "2026-10-01");
  await a.click("#add-invoice button[type=submit]");
  await b.waitForFunction(() => document.querySelector("#invoices tbody")?.textContent.includes("T-2"), null, { timeout: 5000 });
  assert.match(await b.textContent("#banners"), /another tab/);
  await a.close();
  await b.close();
});

test("customers: score and trend, contact details used by the notices, a communication log", async () => {
  const page = await open("/");
  await forget(page);
  await page.click("#tab-customers");
  await page.waitForSelector("#c-pick");
  await page.selectOption("#c-pick", { label: "Patel & Sons Garage" });
  await page.waitForSelector("#c-contactName");
  await page.fill("#c-contactName", "Ravi Patel");
  await page.locator("#c-contactName").blur();
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k))?.customers ?? []).some((c) => c.contactName === "Ravi Patel"), KEY);
  await page.selectOption("#l-kind", "call");
  await page.fill("#l-text", "Spoke to Ravi: the cheque is in the post.");
  await page.click("#log-form button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#c-log")?.textContent.includes("cheque is in the post"));
  assert.match(await page.textContent("#panel"), /Open invoices/);
  await shot(page, "customer");
  await axe(page, "customers");
  await page.click("#tab-notice");
  await page.waitForSelector("#n-customer");
  await page.selectOption("#n-customer", { index: (await page.locator("#n-customer option").allTextContents()).findIndex((o) => o.startsWith("Patel")) });
  await page.waitForFunction(() => document.querySelector("#n-text").textContent.startsWith("Dear Ravi Patel,"));
  await page.close();
});

test("a customer's notices are listed by stage name and the months of the payment record in words", async () => {
  const page = await open("/");
  // Paid on 10 March 2026, 10 days after its due date; a follow-up sent on 1 November.
  const ws = { version: 1, invoices: [
    { id: "H-1", customer: { id: "h", name: "Heron Books" }, currency: "GBP", amount: "300.00", issueDate: "2026-01-29", dueDate: "2026-02-28", payments: [{ date: "2026-03-10", amount: "300.00" }] },
    { id: "H-2", customer: { id: "h", name: "Heron Books" }, currency: "GBP", amount: "200.00", issueDate: "2026-09-15", dueDate: "2026-10-15" }],
    history: [{ customerId: "h", stageId: "followup", date: "2026-11-01" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?heron#customers`);
  await page.waitForSelector("#c-pick");
  const notices = page.locator("table", { has: page.locator("caption", { hasText: "Notices sent to Heron Books" }) });
  assert.deepEqual(await notices.locator("tbody td").allTextContents(), ["Nov 1, 2026", "Follow-up"], "the default ladder's name, not the id");
  const months = page.locator("table", { has: page.locator("caption", { hasText: "Days late per month" }) });
  assert.deepEqual(await months.locator("tbody tr").first().locator("td").allTextContents(), ["Mar 2026", "10", "£300.00"]);
  // H-2, unpaid since 15 October, counts as late up to today, in this month, with nothing paid.
  const now = new Date();
  const late = (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(2026, 9, 15)) / 864e5;
  const thisMonth = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric" }).format(now);
  assert.deepEqual(await months.locator("tbody tr").last().locator("td").allTextContents(), [thisMonth, String(late), "£0.00"]);
  assert.match(await page.textContent("#panel"), /still unpaid after its due date counts too/);
  // Storage is shared by the tests' pages: leave it as a first visit finds it.
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("the ageing report downloads as CSV with exact amounts, no live formulas, and a BOM for Excel", async () => {
  const page = await open("/#invoices");
  // A customer whose name a spreadsheet would run as a formula (hardening round 2, finding 11).
  await page.click("#add-box summary");
  await page.fill("#i-customer", '=HYPERLINK("https://evil.example","Click")');
  await page.fill("#i-id", "F-1");
  await page.fill("#i-amount", "10.00");
  await page.fill("#i-issue", "2026-01-05");
  await page.fill("#i-due", "2026-02-04");
  await page.click("#add-invoice button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#invoices tbody").textContent.includes("F-1"));
  await page.click("#tab-aging");
  await page.waitForSelector("#aging-csv");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#aging-csv")]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const csv = bytes.toString("utf8").slice(1).split("\r\n");
  assert.equal(csv[0], "Customer,Customer id,Currency,Current,1–30,31–60,61–90,91–120,121+,Total");
  assert.ok(csv.some((l) => l.startsWith("Northwind Design Studio,C-002,GBP,0.00,0.00,1875.00,4200.00,0.00,0.00,6075.00")), csv.join("\n"));
  // The name starts with an apostrophe; the quotes inside are doubled.
  assert.ok(csv.some((l) => l.startsWith(`"'=HYPERLINK(""https://evil.example"",""Click"")",`)), csv.join("\n"));
  await forget(page);
  await page.close();
});

test("offline: once loaded, the page opens without a network", async () => {
  const page = await open("/");
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated", null, { timeout: 15000 });
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    await page.click("#tab-aging");
    await page.waitForSelector(".chart svg");
    assert.equal(await page.isVisible("#error"), false);
  } finally {
    await browser.context.setOffline(false);
  }
  await page.close();
});

test("phone width: every view fits a 390-pixel screen without sideways scrolling", async () => {
  const page = await open("/");
  await forget(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const view of ["chase", "aging", "cash", "invoices", "customers", "notice", "charges", "plan", "data"]) {
    await page.click(`#tab-${view}`);
    await page.waitForFunction((v) => document.querySelector("#panel").getAttribute("aria-labelledby") === `tab-${v}`, view);
    await page.waitForTimeout(50);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${view} is ${overflow}px wider than the screen`);
    await shot(page, `phone-${view}`);
    await axe(page, `${view} at phone width`);
  }
  await page.close();
});

test("preferences are kept: ageing groups and the late-charge rules", async () => {
  const page = await open("/#data");
  await forget(page);
  await page.fill("#s-buckets", "15, 45");
  await page.locator("#s-buckets").blur();
  await page.waitForFunction((k) => JSON.stringify(JSON.parse(localStorage.getItem(k))?.settings?.buckets) === "[15,45]", KEY);
  await page.click("#tab-aging");
  await page.waitForSelector(".chart svg");
  assert.match(await page.locator(".chart svg").first().getAttribute("aria-label"), /16–45 days/);
  await page.click("#tab-data");
  await page.fill("#s-buckets", "60, 30");
  await page.locator("#s-buckets").blur();
  await page.waitForSelector("#panel small.error:text-matches('must go up', 'i')");
  await page.click("#tab-charges");
  await page.waitForSelector("#panel select");
  await page.selectOption("#panel select", "uk");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k))?.settings?.regime === "uk", KEY);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#tab-charges");
  await page.waitForSelector("#panel select");
  assert.equal(await page.inputValue("#panel select"), "uk");
  await page.close();
});

test("the reminder ladder can be changed, is checked, and the notice page follows it", async () => {
  const page = await open("/#data");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("#ladder tbody tr");
  assert.equal(await page.locator("#ladder tbody tr").count(), 7);
  // Out of order is refused with the stage named.
  await page.fill("input[aria-label='Days after the due date of stage 2, Friendly reminder']", "-10");
  await page.locator("input[aria-label='Days after the due date of stage 2, Friendly reminder']").blur();
  await page.waitForSelector("#ladder .error:text-matches('^Stage 2, days from the due date: ')");
  assert.equal(await stored(page), null, "nothing kept");
  await page.fill("input[aria-label='Days after the due date of stage 2, Friendly reminder']", "7");
  await page.locator("input[aria-label='Days after the due date of stage 2, Friendly reminder']").blur();
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k))?.settings?.policy?.[1]?.offsetDays === 7, KEY);
  await page.click("#ladder-reset");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k))?.settings?.policy === null, KEY);
  await page.close();
});


test("CSV import of a QuickBooks report: title rows and customer groups read, the dollar asked, the unapplied payment kept as a payment on account", async () => {
  const page = await open("/#invoices");
  await forget(page);
  await page.click("#demo-clear");
  await page.click("#import-box summary");
  await page.setInputFiles("#csv-file", { name: "anata LLC_Open Invoices.csv", mimeType: "text/csv", buffer: importFixture("qbo-us-open-invoices.txt") });
  await page.waitForSelector("#csv-summary");
  assert.match(await page.textContent("#csv-summary"), /column names on line 5/);
  assert.equal(await page.locator("#csv-import").count(), 0, "nothing to import before the dollar is chosen");
  assert.match(await page.textContent("#csv-layout"), /Which currency is “\$”\?/);
  await page.selectOption("#csv-currency", "USD");
  await page.waitForSelector("#csv-import");
  // The report's PaymentCo row: "Payment, 03/04/2026, -200.00", no number.
  assert.equal(await page.textContent("#csv-import"), "Import 2 invoices and 1 payment on account");
  assert.deepEqual(await page.locator("#csv-documents + .table-wrap tbody td").allTextContents(), ["payment on account", "", "PaymentCo", "Mar 4, 2026", "$200.00"]);
  await page.click("#csv-import");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 2);
  const ws = JSON.parse(await stored(page));
  assert.deepEqual(ws.invoices.map((i) => [i.id, i.customer.name, i.currency, i.amount]), [["INV-001", "Acme Corp", "USD", "1500.00"], ["INV-002", "Beta LLC", "USD", "750.00"]]);
  assert.deepEqual(ws.documents.map((d) => [d.kind, d.customerId, d.currency, d.date, d.amount]), [["paymentOnAccount", "PaymentCo", "USD", "2026-03-04", "200.00"]]);
  // The same file again brings nothing new.
  if (!(await page.isVisible("#csv-file"))) await page.click("#import-box summary");
  await page.setInputFiles("#csv-file", { name: "anata LLC_Open Invoices.csv", mimeType: "text/csv", buffer: importFixture("qbo-us-open-invoices.txt") });
  await page.selectOption("#csv-currency", "USD");
  await page.waitForSelector("#csv-nothing");
  assert.equal(await page.textContent("#csv-nothing"), "Everything in this file is already in your list, unchanged.");
  await page.close();
});

test("CSV import again: the same export later updates what changed and adds what is new", async () => {
  const page = await open("/#invoices");
  await forget(page);
  await page.click("#demo-clear");
  await page.click("#import-box summary");
  const first = importFixture("freshbooks-invoice-details.txt");
  await page.setInputFiles("#csv-file", { name: "invoice_details.csv", mimeType: "text/csv", buffer: first });
  await page.waitForSelector("#csv-import");
  assert.equal(await page.textContent("#csv-import"), "Import 5 invoices");
  await page.click("#csv-import");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 5);
  // A month later 0000042 has been paid on 20 October and a new invoice written.
  const later = Buffer.from(first.toString("utf8")
    .replace("0000042,2026-09-01,2026-10-01,sent,,", "0000042,2026-09-01,2026-10-01,paid,2026-10-20,")
    + "Northwind Cafe,0000047,2026-10-05,2026-11-04,sent,,Consulting,Menu costing,100.00,1,0,100.00,GST,5.00,,0.00,105.00,CAD\n");
  if (!(await page.isVisible("#csv-file"))) await page.click("#import-box summary");
  await page.setInputFiles("#csv-file", { name: "invoice_details.csv", mimeType: "text/csv", buffer: later });
  await page.waitForSelector("#csv-changes");
  assert.equal(await page.textContent("#csv-changes"), "Compared with your list: 1 new, 1 changed, 4 unchanged.");
  assert.equal(await page.textContent("#csv-import"), "Import 1 invoice and update 1");
  await page.click("#csv-import");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 6);
  const inv = JSON.parse(await stored(page)).invoices.find((i) => i.id === "0000042");
  assert.deepEqual(inv.payments, [{ date: "2026-10-20", amount: "630.00" }]);
  await page.close();
});

test("CSV import: an empty file, a header alone and a workbook each get a plain answer", async () => {
  const page = await open("/#invoices");
  await page.click("#import-box summary");
  const answer = async (name, buffer) => {
    await page.setInputFiles("#csv-file", { name, mimeType: "text/csv", buffer });
    await page.waitForFunction(() => document.querySelector("#import-preview").textContent.length > 0);
    return page.textContent("#import-preview");
  };
  assert.equal(await answer("empty.csv", Buffer.alloc(0)), "The file is empty.");
  const header = await answer("header.csv", Buffer.from("Invoice Number,Customer,Currency,Amount,Due Date\n"));
  assert.match(header, /The file has column names but no invoice rows under them\./);
  assert.match(header, /There is nothing in this file to import\./);
  assert.equal(await page.locator("#csv-import").count(), 0);
  // The first bytes of an .xlsx workbook renamed .csv.
  const xlsx = Buffer.from("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", "latin1");
  assert.match(await answer("ledger.csv", xlsx), /^This is an Excel workbook \(\.xlsx\), not a CSV file: open it and save it as CSV/);
  await page.close();
});

test("amounts as people type them are read, never rescaled; an overpayment and an amount below what was paid are caught", async () => {
  const page = await open("/#invoices");
  await forget(page);
  await page.click("#demo-clear");
  const add = async (id, amount) => {
    if (!(await page.isVisible("#i-amount"))) await page.click("#add-box summary");
    await page.fill("#i-customer", "Quayside Studio");
    await page.fill("#i-id", id);
    await page.fill("#i-amount", amount);
    await page.selectOption("#i-currency", "EUR");
    await page.fill("#i-issue", "2026-09-01");
    await page.fill("#i-due", "2026-10-01");
    await page.click("#add-invoice button[type=submit]");
  };
  // The page's old reading dropped every comma: "12,50" was stored as 1,250.00 and "1.250,00" as 1.25.
  await add("E-1", "12,50");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 1);
  await add("E-2", "1.250,00");
  await page.waitForFunction(() => document.querySelectorAll("#invoices tbody tr").length === 2);
  await add("E-3", "1.250");
  await page.waitForSelector("#add-invoice .error:not([hidden])");
  assert.equal(await page.textContent("#add-invoice .error"), "\"1.250\" reads two ways: 1.25 or 1250. Write it with 2 decimals.");
  let ws = JSON.parse(await stored(page));
  assert.deepEqual(ws.invoices.map((i) => [i.id, i.amount]), [["E-1", "12.50"], ["E-2", "1250.00"]]);
  // 5,000 paid on an invoice of 12.50 is asked about first.
  await page.click("button[aria-label='Part paid… E-1']");
  await page.fill("input[aria-label='Amount paid on E-1']", "5.000,00");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction(() => /more than the/.test(document.querySelector("form.inline .error")?.textContent ?? ""));
  assert.match(await page.textContent("form.inline .error"), /^That is more than the €12\.50 still owed\. Press Save again to record €5,000\.00 anyway/);
  assert.equal(JSON.parse(await stored(page)).invoices[0].payments, undefined, "nothing recorded yet");
  await page.fill("input[aria-label='Amount paid on E-1']", "10,00");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("overdue.workspace")).invoices[0].payments?.length === 1);
  ws = JSON.parse(await stored(page));
  assert.deepEqual(ws.invoices[0].payments.map((p) => p.amount), ["10.00"]);
  // The amount cannot be edited below what was paid.
  await page.click("button[aria-label='Edit… E-1']");
  await page.fill("input[aria-label='Amount of E-1']", "9,99");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction(() => /cannot be less/.test(document.querySelector("form.inline .error")?.textContent ?? ""));
  assert.equal(await page.textContent("form.inline .error"), "The amount cannot be less than the €10.00 already paid or credited on it.");
  await page.close();
});

test("every change can be undone: paid, delete, a workspace import, and older changes from the list", async () => {
  const page = await open("/#invoices");
  const inv = (id, amount) => ({ id, customer: { id: "q", name: "Quayside Studio" }, currency: "GBP", amount, issueDate: "2026-09-01", dueDate: "2026-10-01" });
  const seed = { version: 1, invoices: [inv("U-1", "100.00"), inv("U-2", "200.00"), inv("U-3", "300.00")] };
  await page.evaluate((w) => localStorage.setItem("overdue.workspace", w), JSON.stringify(seed));
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  const invoices = async () => JSON.parse(await stored(page)).invoices;
  const before = await invoices();
  const target = before.find((i) => !(i.payments ?? []).length);
  // One click on Paid, then Undo: the payment is gone again.
  await page.click(`button[aria-label='Paid ${target.id}']`);
  await page.waitForSelector("#undo-bar");
  assert.match(await page.textContent("#undo-bar"), new RegExp(`^Last change: marked ${target.id} as paid`));
  assert.equal((await invoices()).find((i) => i.id === target.id).payments.length, 1);
  await page.click("#undo");
  await page.waitForFunction((id) => !(JSON.parse(localStorage.getItem("overdue.workspace")).invoices.find((i) => i.id === id).payments ?? []).length, target.id);
  assert.deepEqual(await invoices(), before, "exactly as before");
  // Delete two invoices, then take back both from the list.
  for (const inv of before.slice(0, 2)) {
    await page.click(`button[aria-label='Delete ${inv.id}']`);
    await page.click(`button[aria-label='Yes, delete ${inv.id}']`);
    await page.waitForFunction((id) => !JSON.parse(localStorage.getItem("overdue.workspace")).invoices.some((i) => i.id === id), inv.id);
  }
  assert.equal((await invoices()).length, before.length - 2);
  await page.click("#undo-history >> xpath=..");
  await page.click("#undo-history li:nth-child(2) button");
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem("overdue.workspace")).invoices.length === n, before.length);
  assert.deepEqual(await invoices(), before);
  // A workspace file of one invoice replaces the ledger; Undo brings the ledger back.
  await page.click("#tab-data");
  const one = { version: 1, invoices: [{ id: "X-1", customer: { id: "x", name: "X Ltd" }, currency: "GBP", amount: "10.00", issueDate: "2026-10-01", dueDate: "2026-10-31" }] };
  await page.setInputFiles("#import-file", { name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(one)) });
  await page.click("#import-replace");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("overdue.workspace")).invoices.length === 1);
  assert.match(await page.textContent("#undo-bar"), new RegExp(`^Last change: replaced your ${before.length} invoices with the 1 in other\\.json`));
  await page.click("#undo");
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem("overdue.workspace")).invoices.length === n, before.length);
  assert.deepEqual(await invoices(), before);
  await page.close();
});

test("a payment plan kept for a customer: started from what they owe, kept, set out by the payment-plan notice, undone", async () => {
  const page = await open("/");
  // Kestrel owes £1,000.00 on K-1 and disputes K-2 (£200.00), which a plan leaves out. Interest-free
  // over four months: £1,000.00 ÷ 4 = £250.00 on 15 January, February, March and April 2027.
  const kestrel = { id: "k", name: "Kestrel Ltd" };
  const ws = { version: 1, sender: { name: "Harbour Lane Design" }, invoices: [
    { id: "K-1", customer: kestrel, currency: "GBP", amount: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" },
    { id: "K-2", customer: kestrel, currency: "GBP", amount: "200.00", issueDate: "2026-10-05", dueDate: "2026-11-04", disputed: true }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?plan#plan`);
  await page.waitForSelector("#p-customer");
  assert.deepEqual(await page.locator("#p-customer option").allTextContents(), ["Nobody in particular: just work it out", "Kestrel Ltd (GBP), owes £1,000.00"]);
  await page.selectOption("#p-customer", { label: "Kestrel Ltd (GBP), owes £1,000.00" });
  assert.equal(await page.inputValue("#p-principal"), "1000.00");
  assert.equal(await page.inputValue("#p-currency"), "GBP");
  await page.fill("#p-rate", "0");
  await page.fill("#p-count", "4");
  await page.fill("#p-first", "2027-01-15");
  await page.waitForFunction(() => document.querySelector("#panel .total")?.textContent.startsWith("4 instalments of £250.00"));
  await page.click("#p-save");
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k)).plans ?? []).length === 1, KEY);
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; });
  assert.deepEqual(JSON.parse(await stored(page)).plans, [{ customerId: "k", currency: "GBP", savedOn: today, principal: "1000.00", annualRate: "0", frequency: "monthly", firstDueDate: "2027-01-15", count: 4 }]);
  await page.waitForSelector("#p-saved-note");
  assert.match(await page.textContent("#p-saved-note"), /^A plan for Kestrel Ltd was kept on .*; this is it\. The payment-plan notice sets it out\.$/);
  // The customer's page shows it.
  await page.click("#tab-customers");
  await page.waitForSelector("#c-plans");
  assert.match(await page.textContent("#c-plans .c-plan"), /: 4 instalments of £250\.00, £1,000\.00 in all, from Jan 15, 2027 to Apr 15, 2027\. Next: £250\.00 on Jan 15, 2027\.$/);
  // The payment-plan notice carries it, ticked by default for that stage.
  await page.click("#tab-notice");
  await page.waitForSelector("#n-text");
  await page.selectOption("#n-stage", "plan");
  await page.waitForFunction(() => document.querySelector("#n-text").textContent.includes("Proposed payment schedule"));
  assert.equal(await page.isChecked("#n-plan"), true);
  const text = await page.textContent("#n-text");
  assert.match(text, /4 instalments from 15 January 2027 to 15 April 2027, £1,000\.00 in all/);
  for (const month of ["January", "February", "March", "April"]) assert.match(text, new RegExp(`15 ${month} 2027 +£250\\.00`));
  await page.uncheck("#n-plan");
  await page.waitForFunction(() => !document.querySelector("#n-text").textContent.includes("Proposed payment schedule"));
  await page.click("#undo");
  await page.waitForFunction((k) => (JSON.parse(localStorage.getItem(k)).plans ?? []).length === 0, KEY);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a payment plan starts from what is owed after the customer's credit notes, not from the invoices alone", async () => {
  const page = await open("/");
  // K-1 £1,000.00 (due 31 October) and K-2 £200.00, disputed (due 4 November). CN-1, £100.00 on no
  // invoice in particular, goes to the oldest due, K-1: £900.00 left on it. CN-2, £50.00 for K-2,
  // stays with the disputed invoice. Owed and not disputed: £1,000.00 − £100.00 = £900.00.
  const kestrel = { id: "k", name: "Kestrel Ltd" };
  const ws = { version: 1, invoices: [
    { id: "K-1", customer: kestrel, currency: "GBP", amount: "1000.00", issueDate: "2026-10-01", dueDate: "2026-10-31" },
    { id: "K-2", customer: kestrel, currency: "GBP", amount: "200.00", issueDate: "2026-10-05", dueDate: "2026-11-04", disputed: true }],
  documents: [{ kind: "creditNote", id: "CN-1", customerId: "k", currency: "GBP", date: "2026-11-01", amount: "100.00" },
    { kind: "creditNote", id: "CN-2", customerId: "k", currency: "GBP", date: "2026-11-02", amount: "50.00", appliesTo: ["K-2"] }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?plan-docs#plan`);
  await page.waitForSelector("#p-customer");
  assert.deepEqual(await page.locator("#p-customer option").allTextContents(), ["Nobody in particular: just work it out", "Kestrel Ltd (GBP), owes £900.00"]);
  await page.selectOption("#p-customer", { label: "Kestrel Ltd (GBP), owes £900.00" });
  assert.equal(await page.inputValue("#p-principal"), "900.00");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a workspace file added to the list: what is new is added, an invoice in both keeps this browser's version, Undo takes it back", async () => {
  const page = await open("/");
  const inv = (id, c, amount) => ({ id, customer: c, currency: "GBP", amount, issueDate: "2026-10-01", dueDate: "2026-10-31" });
  const alder = { id: "a", name: "Alder & Co" }, birch = { id: "b", name: "Birch Ltd" };
  const notice = { customerId: "a", stageId: "friendly", date: "2026-11-01" };
  const mine = { version: 1, sender: { name: "Harbour Lane Design" }, invoices: [inv("A-1", alder, "100.00"), inv("A-2", alder, "200.00")],
    customers: [{ id: "a", phone: "0113 496 0000" }], history: [notice], log: [] };
  // The file: A-2 with another amount, B-1 new, a credit note, the same notice and a new one, the
  // details of both customers, another sender.
  const file = { version: 1, sender: { name: "Other Name Ltd", bankDetails: "Sort code 20-00-00" }, invoices: [inv("A-2", alder, "250.00"), inv("B-1", birch, "300.00")],
    documents: [{ kind: "creditNote", id: "CN-9", customerId: "b", currency: "GBP", date: "2026-11-10", amount: "50.00" }],
    customers: [{ id: "a", phone: "0000", contactName: "Ann Alder" }, { id: "b", contactName: "Bo Birch" }],
    history: [notice, { customerId: "b", stageId: "friendly", date: "2026-11-15" }], log: [] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(mine)]);
  await page.goto(`${site.origin}/?merge#data`);
  await page.setInputFiles("#import-file", { name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector("#import-question");
  assert.equal(await page.textContent("#import-question"), "other.json holds 2 invoices; your list has 2. 1 is in both, 1 of them with differences (adding keeps yours). Add what is new in it to your list, or replace your list with it?");
  assert.equal(await stored(page), JSON.stringify(mine), "nothing changes before the choice");
  assert.equal(await page.textContent("#import-merge"), "Add its 1 new invoice to mine");
  await page.click("#import-merge");
  await page.waitForFunction(() => /^Added/.test(document.querySelector("#data-msg").textContent));
  assert.equal(await page.textContent("#data-msg"), "Added 1 invoice, 1 credit note, 1 sent notice and 1 customer's details from other.json; 1 invoice differs from yours, and yours was kept. Undo at the top takes it back.");
  const ws = JSON.parse(await stored(page));
  assert.deepEqual(ws.invoices.map((i) => [i.id, i.amount]), [["A-1", "100.00"], ["A-2", "200.00"], ["B-1", "300.00"]]);
  assert.deepEqual(ws.documents.map((d) => d.id), ["CN-9"]);
  assert.deepEqual(ws.history.map((h) => [h.customerId, h.date]), [["a", "2026-11-01"], ["b", "2026-11-15"]]);
  // Our details where we have them, the file's where we had none.
  assert.deepEqual(ws.customers.map((c) => [c.id, c.phone ?? null, c.contactName ?? null]), [["a", "0113 496 0000", "Ann Alder"], ["b", null, "Bo Birch"]]);
  assert.deepEqual([ws.sender.name, ws.sender.bankDetails], ["Harbour Lane Design", "Sort code 20-00-00"]);
  await page.click("#undo");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("overdue.workspace")).invoices.length === 2);
  assert.deepEqual(JSON.parse(await stored(page)).invoices, mine.invoices);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("cash coming in: dates from the customer's own habit and a promise; the check against the past", async () => {
  // Dates relative to the page's today (T), so no fixed clock is needed. The bakery paid three
  // invoices 12 days after their due dates; A-4 is due at T + 2, so it is expected at T + 14. D-9
  // was promised for T + 13. Both in the next 13 weeks: £1,250.00 + £350.00 = £1,600.00.
  const page = await open("/");
  const T = await page.evaluate(() => { const d = new Date(); return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()); });
  const day = (n) => new Date(T + n * 864e5).toISOString().slice(0, 10);
  const bakery = { id: "hb", name: "Hartley's Bakery" };
  const paid = (id, due) => ({ id, customer: bakery, currency: "GBP", amount: "800.00", issueDate: day(due - 30), dueDate: day(due), payments: [{ date: day(due + 12), amount: "800.00" }] });
  const ws = { version: 1, invoices: [paid("A-1", -93), paid("A-2", -63), paid("A-3", -32),
    { id: "A-4", customer: bakery, currency: "GBP", amount: "1250.00", issueDate: day(-28), dueDate: day(2) },
    { id: "D-9", customer: { id: "od", name: "Orchard Dental" }, currency: "GBP", amount: "350.00", issueDate: day(-62), dueDate: day(-32), promisedDate: day(13) }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?cash#cash`);
  await page.waitForSelector("#panel h3");
  const fmt = (iso) => page.evaluate((d) => new Intl.DateTimeFormat(navigator.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)), iso);
  assert.equal(await page.textContent("#panel h3"), `GBP: £1,600.00 expected by ${await fmt(day(91))}, of £1,600.00 owed`);
  const rows = await page.locator(".cash-all tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  assert.deepEqual(rows.map((r) => [r[1], r[2], r[3], r[5]]), [
    ["D-9", "£350.00", await fmt(day(13)), "promised"],
    ["A-4", "£1,250.00", await fmt(day(14)), "from how this customer pays"],
  ]);
  await shot(page, "cash");
  // The check replays the past year every 14 days up to T − 91. Only two dates (about T − 113 and
  // T − 99) fall after A-1 was issued (T − 123) and before the bakery had paid anything: both
  // expect A-1 on its due date, T − 93; it was paid at T − 81, 12 days later. Its range is that one
  // day, so neither payment was inside it; the due-date rule says the same, 12 days.
  await page.click("#cash-backtest-run");
  assert.equal(await page.textContent("#cash-backtest-result"), "Over the past year, 2 forecasts were on average 12 days off (half of them within 12 days); 0 % of payments came inside the likely range. Assuming every invoice is paid on its due date would have been 12 days off.");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a customer's statement of account: the balance worked by hand, shown, downloaded", async () => {
  // 1,200.00 issued 1 Sep 2026, 200.00 paid 10 Oct, 50.00 credited 15 Oct; 300.00 issued 5 Oct:
  // 1,200 + 300 − 200 − 50 = 1,250.00 owed on any day after, from 1 Sep (the oldest open invoice).
  const page = await open("/");
  const acme = { id: "a1", name: "Acme Ltd" };
  const ws = { version: 1, sender: { name: "Harbour Lane Design" }, invoices: [
    { id: "INV-1", customer: acme, currency: "GBP", amount: "1200.00", issueDate: "2026-09-01", dueDate: "2026-10-01", payments: [{ date: "2026-10-10", amount: "200.00", reference: "BACS 1142" }], credits: [{ date: "2026-10-15", amount: "50.00" }] },
    { id: "INV-2", customer: acme, currency: "GBP", amount: "300.00", issueDate: "2026-10-05", dueDate: "2026-11-04" }],
    customers: [{ id: "a1", address: "4 Mill Lane\nLeeds LS1 4AB" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?statement#customers`);
  await page.waitForSelector("#c-statement-balance");
  const fmt = (iso) => page.evaluate((d) => new Intl.DateTimeFormat(navigator.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)), iso);
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; });
  assert.equal(await page.textContent("#c-statement-balance"), `£1,250.00 owed on ${await fmt(today)} (every invoice, payment and credit since ${await fmt("2026-09-01")}).`);
  await page.click("#c-statement-show");
  const doc = page.frameLocator("#c-statement-doc");
  await doc.locator("h1").waitFor();
  assert.equal(await doc.locator("h1").textContent(), "Statement of account");
  assert.match(await doc.locator(".parties").textContent(), /Harbour Lane Design.*Acme Ltd.*4 Mill Lane.*Leeds LS1 4AB/s);
  assert.deepEqual(await doc.locator("table").first().locator("tbody tr td:last-child").allTextContents(), ["£0.00", "£1,200.00", "£1,500.00", "£1,300.00", "£1,250.00"]);
  assert.equal(await doc.locator("table").first().locator("tfoot td:last-child").textContent(), "£1,250.00");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("#c-statement-txt")]);
  assert.equal(file.suggestedFilename(), `statement-a1-${today}.txt`);
  // Money received without an invoice named: 100.00 on account brings the balance to
  // 1,250.00 − 100.00 = 1,150.00; it is kept in the workspace, and Undo takes it back.
  await page.fill("#d-amount", "100.00");
  await page.fill("#d-reference", "Transfer 88");
  await page.click("#doc-form button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#c-statement-balance")?.textContent.startsWith("£1,150.00"));
  assert.match(await page.textContent("#c-doc-list"), /Money received, not for one invoice: £100\.00 \(Transfer 88\)/);
  assert.deepEqual(JSON.parse(await stored(page)).documents, [{ kind: "paymentOnAccount", customerId: "a1", currency: "GBP", date: today, amount: "100.00", reference: "Transfer 88" }]);
  await page.click("#undo");
  await page.waitForFunction(() => document.querySelector("#c-statement-balance")?.textContent.startsWith("£1,250.00"));
  // A letter before action carries the statement (ticked for that stage), after the letter and
  // as a page of its own; unticked, the letter goes alone.
  await page.click("#tab-notice");
  await page.waitForSelector("#n-text");
  await page.selectOption("#n-stage", "legal");
  await page.waitForFunction(() => document.querySelector("#n-text").textContent.includes("STATEMENT OF ACCOUNT"));
  assert.equal(await page.isChecked("#n-statement"), true);
  assert.match(await page.textContent("#n-text"), /Closing balance +£1,250\.00\n/);
  await page.uncheck("#n-statement");
  await page.waitForFunction(() => !document.querySelector("#n-text").textContent.includes("STATEMENT OF ACCOUNT"));
  await shot(page, "statement");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("an empty ledger says how to start, not that nobody is late", async () => {
  const page = await open("/#chase");
  await page.evaluate((w) => localStorage.setItem("overdue.workspace", w), JSON.stringify({ version: 1, invoices: [] }));
  await page.reload();
  await page.waitForSelector("#start");
  assert.match(await page.textContent("#start"), /^There are no invoices here yet\. To start:Add an invoice by hand, or/);
  await page.click("#start a[href='#invoices']");
  await page.waitForSelector("#add-box");
  await page.close();
});

test("late charges: a rate the tables do not have yet is asked for once, kept, and used for that date only", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 850 });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  // On 1 March 2027 an invoice due 15 January 2027 is late under the UK Act, at 8 % over the Bank
  // Rate of 31 December 2026, which the built-in table does not reach.
  await page.clock.setFixedTime(new Date("2027-03-01T12:00:00"));
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  const ws = { version: 1, settings: { regime: "uk" }, invoices: [{ id: "UK-1", customer: { id: "k", name: "Kestrel Ltd" }, currency: "GBP", amount: "1000.00", issueDate: "2026-12-16", dueDate: "2027-01-15" }] };
  await page.evaluate((w) => localStorage.setItem("overdue.workspace", w), JSON.stringify(ws));
  await page.goto(`${site.origin}/?uk#charges`);
  await page.waitForSelector(".rate-question");
  assert.match(await page.textContent(".rate-question"), /^One invoice needs the Bank of England Bank Rate in force on /);
  await page.fill("#rate-boeBankRate-2026-12-31", "3,75");
  await page.click(".rate-question button");
  await page.waitForFunction(() => !document.querySelector(".rate-question"));
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("overdue.workspace"))).settings.referenceRates;
  assert.deepEqual(kept, [{ table: "boeBankRate", from: "2026-12-31", rate: "3.75" }]);
  // 45 days (16 January to 1 March) at 3.75 + 8 = 11.75 %: 1000 × 0.1175 × 45 / 365 = 14.486 → £14.49;
  // a debt from £1,000 to under £10,000: £70 (s.5A(2)(b)).
  const row = await page.locator("#panel tbody tr").first().locator("td").allTextContents();
  assert.deepEqual([row[0], row[2], row[3], row[4], row[5]], ["UK-1", "45", "11.75%", "£14.49", "£70.00"]);
  await page.reload();
  await page.waitForSelector("#panel tbody tr");
  assert.equal(await page.locator(".rate-question").count(), 0, "kept after a reload");
  await page.close();
});

test("a broken promise to pay is flagged, and a promise for a past day is refused", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 850 });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  await page.clock.setFixedTime(new Date("2026-11-23T12:00:00"));
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  // Promised for 20 November, unpaid on the 23rd.
  const ws = { version: 1, invoices: [{ id: "P-1", customer: { id: "p", name: "Patel Garage" }, currency: "GBP", amount: "500.00", issueDate: "2026-09-01", dueDate: "2026-10-01", promisedDate: "2026-11-20" }] };
  await page.evaluate((w) => localStorage.setItem("overdue.workspace", w), JSON.stringify(ws));
  await page.goto(`${site.origin}/?promise#chase`);
  await page.waitForSelector(".broken-promise");
  assert.match(await page.textContent(".broken-promise"), /^Broke a promise to pay: P-1 by /);
  await page.goto(`${site.origin}/?promise#invoices`);
  await page.click("button[aria-label='Promise… P-1']");
  await page.fill("input[aria-label='Promised payment date for P-1']", "2026-11-01");
  await page.click("form.inline button[type=submit]");
  await page.waitForFunction(() => /is for today/.test(document.querySelector("form.inline .error")?.textContent ?? ""));
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("overdue.workspace"))).invoices[0].promisedDate, "2026-11-20", "unchanged");
  await page.close();
});

test("a big ledger: the first customers, invoices and claims are drawn, the rest on request; typing waits for a pause", async () => {
  // 110 customers owing one invoice each, and one customer owing 15; all due 1 October 2026, so on
  // 23 November each is 53 days late.
  const page = await open("/");
  await page.clock.setFixedTime(new Date("2026-11-23T12:00:00"));
  const inv = (id, customer, amount) => ({ id, customer, currency: "GBP", amount, issueDate: "2026-09-01", dueDate: "2026-10-01" });
  const invoices = [
    ...Array.from({ length: 110 }, (_, k) => inv(`S-${k + 1}`, { id: `c${k + 1}`, name: `Shop ${k + 1}` }, `${100 + k}.00`)),
    ...Array.from({ length: 15 }, (_, k) => inv(`M-${k + 1}`, { id: "m", name: "Mill Lane Ltd" }, "1000.00")),
  ];
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify({ version: 1, settings: { regime: "contract", contractRate: "8" }, invoices })]);
  await page.goto(`${site.origin}/?big#chase`);
  await page.waitForSelector(".worklist");
  assert.equal(await page.locator(".worklist > li").count(), 50, "the 50 most urgent of 111 customers");
  // Mill Lane owes the most (£15,000), so it comes first, with 10 of its 15 invoices.
  const mill = page.locator(".worklist > li").first();
  assert.match(await mill.locator("h3").textContent(), /Mill Lane Ltd/);
  assert.equal(await mill.locator("tbody tr").count(), 10);
  await mill.locator("button.show-all").click();
  assert.equal(await mill.locator("tbody tr").count(), 15);
  await page.click("text=Show all 111 customers");
  assert.equal(await page.locator(".worklist > li").count(), 111);
  // Late charges: 125 late invoices, 100 drawn; at 8 % for 53 days the largest claim is a Mill Lane
  // invoice: 1000 × 0.08 × 53 / 365 = 11.616… → £11.62.
  await page.goto(`${site.origin}/?big#charges`);
  await page.waitForSelector("#panel tbody tr");
  assert.equal(await page.locator("#panel tbody tr").count(), 100);
  await page.click("text=Show all 125 invoices");
  assert.equal(await page.locator("#panel tbody tr").count(), 125);
  const first = await page.locator("#panel tbody tr").first().locator("td").allTextContents();
  assert.deepEqual([first[0].slice(0, 2), first[4]], ["M-", "£11.62"]);
  // The rest come after the first hundred in the same order: the smallest, S-1's £100, is last
  // (100 × 0.08 × 53 / 365 = 1.1616… → £1.16).
  const last = await page.locator("#panel tbody tr").last().locator("td").allTextContents();
  assert.deepEqual([last[0], last[4]], ["S-1", "£1.16"]);
  // A new rate typed: the table follows once typing pauses (12 %: 1000 × 0.12 × 53 / 365 = 17.42).
  await page.fill("#f-rate", "12");
  await page.waitForFunction(() => document.querySelector("#panel tbody tr td:nth-child(5)")?.textContent === "£17.42");
  await page.close();
});

// Playwright's clock is installed for the whole browser context, and then its script is refused by
// the notice preview's sandboxed frame (a console error): the tests that fix the clock come last.
test("the priority legend's rule, worked by hand, gives the priorities shown", async () => {
  const page = await open("/");
  await page.clock.setFixedTime(new Date("2026-11-23T12:00:00"));
  // On 23 November: A owes £1,000 due 25 August (90 days), B £500 due 27 May (180 days); no payments,
  // so no payment history and no risk points.
  const ws = { version: 1, invoices: [
    { id: "A-1", customer: { id: "a", name: "Alder & Co" }, currency: "GBP", amount: "1000.00", issueDate: "2026-07-26", dueDate: "2026-08-25" },
    { id: "B-1", customer: { id: "b", name: "Birch Ltd" }, currency: "GBP", amount: "500.00", issueDate: "2026-04-27", dueDate: "2026-05-27" }] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?legend#chase`);
  await page.waitForSelector("#priority-legend");
  await page.click("#priority-legend summary");
  assert.match(await page.textContent("#priority-legend"), /up to 55 points for how much.*10,000 or more.*up to 45 for how long.*180 days/s);
  // On the fixed scale (55 points at £10,000): A: 55 × 1,000/10,000 + 45 × 90/180 = 5.5 + 22.5 = 28;
  // B: 55 × 500/10,000 + 45 × 180/180 = 2.75 + 45 = 47.75 → 48, so B comes first.
  assert.deepEqual(await page.locator(".worklist .priority").allTextContents(), ["Priority 48", "Priority 28"]);
  await axe(page, "chase with the legend open");
  // A debt of £1,000 counting in full, typed as people type it: A: 55 + 22.5 = 77.5 → 78;
  // B: 55 × 500/1,000 + 45 = 72.5 → 73, so A comes first again.
  await page.click("#tab-data");
  await page.fill("#s-priority-scale", "1,000");
  await page.press("#s-priority-scale", "Tab");
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).settings?.priorityScale === "1000.00", KEY);
  await page.click("#tab-chase");
  await page.waitForFunction(() => document.querySelector(".worklist .priority")?.textContent === "Priority 78");
  assert.deepEqual(await page.locator(".worklist .priority").allTextContents(), ["Priority 78", "Priority 73"]);
  await page.click("#tab-data");
  await page.fill("#s-priority-scale", "0");
  await page.press("#s-priority-scale", "Tab");
  await page.waitForFunction(() => document.querySelector("#s-priority-scale-msg").textContent !== "");
  assert.equal(await page.textContent("#s-priority-scale-msg"), "The amount must be more than zero.");
  assert.equal(JSON.parse(await stored(page)).settings.priorityScale, "1000.00");
  await page.close();
});

test("how much may never be paid: the provision matrix of the page's own ledger, worked by hand", async () => {
  const page = await open("/");
  await page.clock.setFixedTime(new Date("2026-12-02T12:00:00"));
  // Ageing groups Current, 1–30, 31+; the last 12 month ends (30 Nov 2025 to 30 Nov 2026). Money
  // that would be in a later group at the next month end if unpaid, and how much of it still was:
  //   Current: 31 Jul G 200 of 200; 31 Aug E+F 800 of 800; 30 Sep C+D 1,000 of 1,000; 31 Oct A+B
  //   1,000 of 2,000 (B paid 20 Nov): 3,000 of 4,000 = 75 %.
  //   1–30: 31 Aug G 200 of 200; 30 Sep E+F 800 of 800; 31 Oct C+D 500 of 1,000 (D paid 5 Nov):
  //   1,500 of 2,000 = 75 %.
  //   31+: E 400 written off 15 Nov, F 400 paid 10 Nov: 400 ÷ (400 + 400) = 50 % lost.
  // Loss rates: 31+ 50 %; 1–30 75 % × 50 % = 37.5 %; current 75 % × 37.5 % = 28.125 %.
  // Owed on 2 Dec: H 800 current, A 1,000 (17 days), C 500 + G 200 = 700 in 31+:
  // 800 × 28.125 % + 1,000 × 37.5 % + 700 × 50 % = 225 + 375 + 350 = €950.00 of €2,500.00, 38 %.
  const c = { id: "c", name: "Café Nord" };
  const inv = (id, amount, issueDate, dueDate, more = {}) => ({ id, customer: c, currency: "EUR", amount, issueDate, dueDate, ...more });
  const paid = (date, amount) => ({ payments: [{ date, amount }] });
  const ws = { version: 1, settings: { buckets: [30] }, invoices: [
    inv("A", "1000.00", "2026-10-01", "2026-11-15"), inv("B", "1000.00", "2026-10-01", "2026-11-10", paid("2026-11-20", "1000.00")),
    inv("C", "500.00", "2026-09-20", "2026-10-20"), inv("D", "500.00", "2026-09-20", "2026-10-25", paid("2026-11-05", "500.00")),
    inv("E", "400.00", "2026-08-01", "2026-09-01", { credits: [{ date: "2026-11-15", amount: "400.00", writeOff: true }] }),
    inv("F", "400.00", "2026-08-01", "2026-09-05", paid("2026-11-10", "400.00")),
    inv("G", "200.00", "2026-07-01", "2026-08-01"), inv("H", "800.00", "2026-11-20", "2026-12-20")] };
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify(ws)]);
  await page.goto(`${site.origin}/?provision#aging`);
  await page.waitForSelector("#provision-EUR");
  assert.equal(await page.textContent("#provision-EUR"), "EUR: about €950.00 of €2,500.00 (38 %) may never be paid.");
  const rows = await page.locator("#aging-provision tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows, [["Current", "€800.00", "28.13 %", "€225.00"], ["1–30", "€1,000.00", "37.5 %", "€375.00"], ["31+", "€700.00", "50 %", "€350.00"]]);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("every view lists the home currency first: a business in dollars reads its dollars before its euros and pounds", async () => {
  const page = await open("/");
  const invoices = [["G-1", "GBP", "100.00"], ["U-1", "USD", "300.00"], ["E-1", "EUR", "200.00"]].map(([id, currency, amount], k) =>
    ({ id, customer: { id: `c${k}`, name: `Customer ${k}` }, currency, amount, issueDate: "2026-01-01", dueDate: "2026-02-01" }));
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify({ version: 1, settings: { currency: "USD" }, invoices })]);
  await page.goto(`${site.origin}/?home#invoices`);
  await page.waitForSelector("#panel[aria-busy=false] #totals");
  assert.deepEqual(await page.locator("#totals .card h3").allTextContents(), ["USD", "EUR", "GBP"]);
  await page.click("#tab-aging");
  await page.waitForSelector("#panel[aria-labelledby=tab-aging][aria-busy=false] h3");
  // Each invoice is due 1 February 2026, long past: all of it is overdue.
  assert.deepEqual((await page.locator("#panel h3").allTextContents()).slice(0, 3), ["USD: $300.00 owed, $300.00 overdue", "EUR: €200.00 owed, €200.00 overdue", "GBP: £100.00 owed, £100.00 overdue"]);
  await page.click("#tab-chase");
  await page.waitForSelector("#panel[aria-labelledby=tab-chase][aria-busy=false] #owed-summary");
  assert.deepEqual(await page.locator("#owed-summary li").allTextContents(), ["$300.00 owed to you · $300.00 overdue · 1 customer to chase", "€200.00 owed to you · €200.00 overdue · 1 customer to chase", "£100.00 owed to you · £100.00 overdue · 1 customer to chase"]);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a ledger of 2,400 invoices is worked out in a Web Worker: the same answers, errors in words", async () => {
  // 2,400 customers owing £100.00 each, due 1 October 2026: on 23 November each is 53 days late.
  // Owed and overdue: 2,400 × £100.00 = £240,000.00. Priority (src/worklist.rs): 55 × 100 / 10,000
  // + 45 × 53 / 180 = 0.55 + 13.25 = 13.8 → 14. Contract interest at 8 %: 100 × 0.08 × 53 / 365 =
  // 1.1616… → £1.16 each, 2,400 × £1.16 = £2,784.00 in all.
  const page = await open("/");
  // The fixed clock's script is refused by the notice preview's sandboxed frame (see above), which
  // Chromium reports as a console error; every other console error still counts.
  page.removeAllListeners("console");
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Blocked script execution in 'about:srcdoc'")) problems.push(`console: ${m.text()} (${page.url()})`); });
  await page.clock.setFixedTime(new Date("2026-11-23T12:00:00"));
  const invoices = Array.from({ length: 2400 }, (_, k) => ({ id: `W-${k + 1}`, customer: { id: `w${k + 1}`, name: `Shop ${k + 1}` }, currency: "GBP", amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01" }));
  await page.evaluate(([k, w]) => localStorage.setItem(k, w), [KEY, JSON.stringify({ version: 1, settings: { regime: "contract", contractRate: "8" }, invoices })]);
  await page.goto(`${site.origin}/?worker#chase`);
  await page.waitForSelector("#panel[aria-busy=false] .worklist");
  assert.equal(page.workers().length, 1, "one worker");
  assert.equal(await page.textContent("#owed-summary"), "£240,000.00 owed to you · £240,000.00 overdue · 2400 customers to chase");
  assert.equal(await page.locator(".worklist > li").count(), 50);
  assert.equal(await page.textContent(".worklist > li .priority"), "Priority 14");
  await page.click("#tab-charges");
  await page.waitForSelector("#panel[aria-busy=false] tbody tr");
  assert.match(await page.textContent("#panel .total"), /^GBP: £2,784\.00 in charges you may claim/);
  assert.equal(await page.locator("#panel tbody tr").count(), 100);
  assert.equal(await page.locator("#panel tbody tr").first().locator("td").nth(4).textContent(), "£1.16");
  // An error thrown in the worker reaches the view as the module's own sentence.
  await page.fill("#f-rate", "eight");
  await page.waitForSelector("#panel .error");
  assert.match(await page.textContent("#panel .error"), /^"eight" is not an amount/);
  await page.fill("#f-rate", "8");
  await page.waitForFunction(() => document.querySelector("#panel tbody tr td:nth-child(5)")?.textContent === "£1.16");
  // Every view draws from the worker's answers.
  for (const view of ["aging", "cash", "invoices", "notice", "plan"]) {
    await page.click(`#tab-${view}`);
    // The panel names its view once the click has been taken (the hash change comes after it).
    await page.waitForSelector(`#panel[aria-labelledby=tab-${view}][aria-busy=false]`);
    assert.equal(await page.locator("#panel .working").count(), 0, view);
    assert.equal(await page.isVisible("#error"), false, view);
    if (view === "invoices") assert.equal(await page.textContent("#totals"), "GBPOwed to you£240,000.00Of which overdue£240,000.00Invoices2400");
  }
  // A change to a large ledger is saved just after it is drawn: there after a moment, and the list
  // then owes £100.00 less.
  await page.click("#tab-invoices");
  await page.waitForSelector("#panel[aria-busy=false] #invoices");
  const id = await page.locator("#invoices tbody tr").first().locator("td").nth(1).textContent();
  await page.click(`button[aria-label='Paid ${id}']`);
  await page.waitForFunction(() => document.querySelector("#totals")?.textContent?.includes("£239,900.00"));
  const payments = await page.evaluate((i) => JSON.parse(localStorage.getItem("overdue.workspace") ?? "{}").invoices.find((x) => x.id === i).payments, id);
  assert.deepEqual(payments, [{ date: "2026-11-23", amount: "100.00" }]);
  // The worker is sent each change, not the ledger again: a deletion further down (every invoice
  // after it moves up one) leaves 2,399 invoices owing £239,800.00, and the list says so; two Undos
  // bring back £240,000.00 in 2,400. A change put in the wrong place, or lost, shows other totals.
  const other = await page.locator("#invoices tbody tr").nth(5).locator("td").nth(1).textContent();
  await page.click(`button[aria-label='Delete ${other}']`);
  await page.click(`button[aria-label='Yes, delete ${other}']`);
  await page.waitForFunction(() => document.querySelector("#panel[aria-busy=false] #totals")?.textContent === "GBPOwed to you£239,800.00Of which overdue£239,800.00Invoices2399");
  assert.equal(await page.locator(`button[aria-label='Delete ${other}']`).count(), 0);
  for (let k = 0; k < 2; k++) {
    await page.click("#undo");
    await page.waitForSelector("#panel[aria-busy=false] #totals");
  }
  await page.waitForFunction(() => document.querySelector("#panel[aria-busy=false] #totals")?.textContent === "GBPOwed to you£240,000.00Of which overdue£240,000.00Invoices2400");
  await page.click("#tab-chase");
  await page.waitForSelector("#panel[aria-busy=false] .worklist");
  assert.equal(await page.textContent("#owed-summary"), "£240,000.00 owed to you · £240,000.00 overdue · 2400 customers to chase");
  assert.equal(page.workers().length, 1, "still one worker");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("no page errors, dialogs or console errors in any of the above", () => {
  assert.deepEqual(problems, []);
});
