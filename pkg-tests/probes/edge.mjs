// A Vercel Edge Function style handler (service-worker syntax for edge-runtime).
import * as api from "overdue";
import { runCases } from "./cases.mjs";

addEventListener("fetch", (event) => {
  event.respondWith(new Response(JSON.stringify(runCases(api)), { headers: { "content-type": "application/json" } }));
});
