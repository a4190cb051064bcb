// Named imports only, as in the Cloudflare variant.
import { normalizeInvoices, version } from "overdue";

addEventListener("fetch", (event) => {
  event.respondWith(new Response(JSON.stringify({ v: version(), n: normalizeInvoices({ asOf: "2026-11-23", invoices: [] }).invoices.length })));
});
