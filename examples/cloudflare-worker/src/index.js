// Cloudflare Worker: `npx wrangler dev` to try it, `npx wrangler deploy` to publish.
import * as overdue from "overdue";
import { createHandler } from "../../http-api/handler.js";

let handler;

export default {
  async fetch(request, env) {
    // CORS_ORIGINS in wrangler.toml: "*", a comma-separated list of origins, or "" for none;
    // BODY_TIMEOUT_MS: how long a request body may take to arrive (default 10 s).
    handler ??= createHandler(overdue, { cors: parseOrigins(env.CORS_ORIGINS), bodyTimeoutMs: Number(env.BODY_TIMEOUT_MS) || undefined });
    return handler(request);
  },
};

function parseOrigins(value) {
  if (value === undefined || value === "*") return "*";
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  return list.length ? list : null;
}
