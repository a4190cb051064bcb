// Deno: `deno serve --allow-env=CORS_ORIGINS,BODY_TIMEOUT_MS main.js` (Deno Deploy runs the same file).
import * as overdue from "overdue";
import { createHandler } from "../http-api/handler.js";

const origins = Deno.env.get("CORS_ORIGINS");
const cors = origins === undefined || origins === "*" ? "*" : origins.split(",").map((s) => s.trim()).filter(Boolean);

const bodyTimeoutMs = Number(Deno.env.get("BODY_TIMEOUT_MS")) || undefined;

export default { fetch: createHandler(overdue, { cors: cors.length ? cors : null, bodyTimeoutMs }) };
