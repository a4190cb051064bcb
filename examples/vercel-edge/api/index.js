// Vercel Edge Function: every path under /api is handled here (see vercel.json).
import * as overdue from "overdue";
import { createHandler } from "../../http-api/handler.js";

export const config = { runtime: "edge" };

const origins = globalThis.process?.env?.CORS_ORIGINS;
const cors = origins === undefined || origins === "*" ? "*" : origins.split(",").map((s) => s.trim()).filter(Boolean);
const handler = createHandler(overdue, { cors: cors.length ? cors : null });

export default function (request) {
  // Routes are the same as on the other runtimes, below /api.
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/^\/api/, "") || "/";
  return handler(new Request(url, request));
}
