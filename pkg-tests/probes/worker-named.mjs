// Named imports only: bundlers must keep the entry's instantiation (package.json `sideEffects`).
import { normalizeInvoices, version } from "overdue";

export default {
  async fetch() {
    return new Response(JSON.stringify({ v: version(), n: normalizeInvoices({ asOf: "2026-11-23", invoices: [] }).invoices.length }));
  },
};
