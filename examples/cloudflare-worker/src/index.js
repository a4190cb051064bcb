// Cloudflare Worker: `npx wrangler dev` to try it, `npx wrangler deploy` to publish.
import * as overdue from "overdue";
import { createHandler } from "../../http-api/handler.js";

let handler;

export default {
  async fetch(request, env) {
    // CORS_ORIGINS in wrangler.toml: "*", a comma-separated list of origins, or "" for none.
    handler ??= createHandler(overdue, { cors: parseOrigins(env.CORS_ORIGINS) });
    return handler(request);
  },
};

function parseOrigins(value) {
  if (value === undefined || value === "*") return "*";
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  return list.length ? list : null;
}
