// A Cloudflare Worker, bundled the way wrangler bundles (conditions workerd/worker/browser).
import * as api from "overdue";
import { runCases } from "./cases.mjs";

export default {
  async fetch() {
    return new Response(JSON.stringify(runCases(api)), { headers: { "content-type": "application/json" } });
  },
};
