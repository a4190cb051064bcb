// A Cloudflare Worker, bundled the way wrangler bundles (conditions workerd/worker/browser).
import * as api from "overdue";
import * as plan from "overdue/plan";
import * as aging from "overdue/aging";
import * as charges from "overdue/charges";
import * as notices from "overdue/notices";
import * as imports from "overdue/import";
import { runCases, runEntries } from "./cases.mjs";
const entries = { plan, aging, charges, notices, import: imports };

export default {
  async fetch() {
    return new Response(JSON.stringify({ ...runCases(api), entries: runEntries(entries) }), { headers: { "content-type": "application/json" } });
  },
};
