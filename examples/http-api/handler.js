// One request handler for every runtime: JSON in, JSON out, one route per capability. Pass it the
// overdue module (`import * as overdue from "overdue"`) and get a `fetch(request) => Response`.
// It keeps no state between requests.

const ROUTES = {
  "/statement": { fn: "statementOfAccount", asOf: true, about: "one customer's statement of account (Accept: text/plain or text/html returns the document alone)" },
  "/notice": { fn: "renderNotice", asOf: true, about: "a reminder notice (Accept: text/plain or text/html returns the body alone)" },
  "/next-actions": { fn: "nextActions", asOf: true, about: "what to send to whom today" },
  "/preview-ladder": { fn: "previewLadder", asOf: true, about: "the dated plan of notices for one invoice" },
  "/aging": { fn: "ageReceivables", asOf: true, about: "the ageing report" },
  "/kpis": { fn: "receivablesKpis", asOf: false, about: "DSO, CEI and other collection KPIs" },
  "/worklist": { fn: "collectionWorklist", asOf: true, about: "who to chase first" },
  "/late-charges": { fn: "lateCharges", asOf: true, about: "late-payment interest and compensation" },
  "/plan": { fn: "paymentPlan", asOf: false, about: "a payment-plan schedule" },
  "/risk": { fn: "paymentRisk", asOf: true, about: "payment-risk trend per customer" },
  "/cash-forecast": { fn: "cashForecast", asOf: true, about: "when the money owed will come in, per invoice, week and month" },
  "/provision-matrix": { fn: "provisionMatrix", asOf: true, about: "expected credit loss by ageing bucket (IFRS 9 simplified approach)" },
  "/cash-forecast-backtest": { fn: "cashForecastBacktest", asOf: true, about: "how well the forecast would have done on this ledger" },
  "/validate-template": { fn: "validateTemplate", asOf: false, about: "problems in a custom notice template" },
};

/** The largest request body read: anything longer is refused with 413 before it is parsed. */
export const MAX_BODY = 1024 * 1024;
/** The most of a body too large that is read (and thrown away) so the connection stays usable. */
const DRAIN_LIMIT = 16 * 1024 * 1024;
/** How long a request body may take to arrive, in milliseconds, before the answer is 408. */
export const BODY_TIMEOUT_MS = 10_000;

/** The policy of the notice documents overdue writes (the same as their own meta tag), and no framing. */
const NOTICE_CSP = "default-src 'none'; img-src https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param {object} overdue the overdue module
 * @param {{ cors?: string | string[] | null, maxBody?: number, bodyTimeoutMs?: number }} [options]
 *   cors: "*" (the default), a list of allowed origins, or null for no CORS headers;
 *   bodyTimeoutMs: how long a body may take to arrive (default 10 s).
 */
export function createHandler(overdue, options = {}) {
  const cors = options.cors === undefined ? "*" : options.cors;
  const maxBody = options.maxBody ?? MAX_BODY;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;

  function corsHeaders(request) {
    if (!cors) return {};
    if (cors === "*") return { "Access-Control-Allow-Origin": "*" };
    // With a list, every answer depends on the Origin, allowed or not: caches must key on it.
    const origin = request.headers.get("Origin");
    const allowed = origin && [].concat(cors).includes(origin);
    return allowed ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
  }

  function json(request, status, body, extra = {}) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...corsHeaders(request), ...extra },
    });
  }

  const fail = (request, status, code, message, extra) => json(request, status, { code, path: "", message }, extra);

  /**
   * The body as text, or why not: `tooLarge` (declared or counted past maxBody), `timedOut` (not all
   * there within bodyTimeoutMs), `broken` (the runtime could not read it: a malformed chunk, a
   * length that lies, a connection that dropped).
   *
   * A body too large is still read to its end (up to DRAIN_LIMIT, within the deadline) and thrown
   * away (`drained`): a runtime that answers while a body is still arriving resets the connection,
   * and with it the next requests a client had sent on it (workerd also drops the Connection: close
   * a worker sends). Drained, the connection is clean and stays open.
   */
  async function readBody(request) {
    const declared = request.headers.get("Content-Length");
    if (declared !== null && !/^\d+$/.test(declared.trim())) return { broken: true };
    let tooLarge = declared !== null && Number(declared) > maxBody;
    if (!request.body) return tooLarge ? { tooLarge, drained: true } : { text: "" };
    if (tooLarge && Number(declared) > DRAIN_LIMIT) return { tooLarge };
    const reader = request.body.getReader();
    let timer;
    const deadline = new Promise((resolve) => { timer = setTimeout(() => resolve({ timedOut: true }), bodyTimeoutMs); });
    const chunks = [];
    let size = 0;
    try {
      for (;;) {
        const step = await Promise.race([reader.read(), deadline]);
        if (step.timedOut) {
          reader.cancel().catch(() => {});
          return tooLarge ? { tooLarge } : { timedOut: true };
        }
        if (step.done) break;
        size += step.value.byteLength;
        if (size > maxBody) tooLarge = true;
        if (size > DRAIN_LIMIT) {
          reader.cancel().catch(() => {});
          return { tooLarge };
        }
        if (!tooLarge) chunks.push(step.value);
      }
    } catch {
      return tooLarge ? { tooLarge } : { broken: true };
    } finally {
      clearTimeout(timer);
    }
    if (tooLarge) return { tooLarge, drained: true };
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    return { text: new TextDecoder().decode(all) };
  }

  function wants(request) {
    const accept = (request.headers.get("Accept") ?? "").toLowerCase();
    if (accept.includes("application/json") || !accept) return "json";
    if (accept.includes("text/html")) return "html";
    if (accept.includes("text/plain")) return "text";
    return "json";
  }

  return async function fetch(request) {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, "") || "/";

    if (request.method === "OPTIONS" && cors) {
      return new Response(null, {
        status: 204,
        headers: { ...corsHeaders(request), "Access-Control-Allow-Methods": "GET, POST, OPTIONS", "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "86400" },
      });
    }
    if (path === "/") {
      if (request.method !== "GET" && request.method !== "HEAD") return fail(request, 405, "method_not_allowed", "Use GET here.", { Allow: "GET, HEAD" });
      return json(request, 200, {
        name: "overdue",
        version: overdue.version(),
        about: "Overdue-invoice arithmetic and reminder notices. POST a JSON input to a route; asOf defaults to today (UTC).",
        routes: Object.fromEntries(Object.entries(ROUTES).map(([p, r]) => [`POST ${p}`, r.about])),
      });
    }
    const route = ROUTES[path];
    if (!route) return fail(request, 404, "not_found", `There is no route ${path}; GET / lists them.`);
    if (request.method !== "POST") return fail(request, 405, "method_not_allowed", `Use POST for ${path}.`, { Allow: "POST" });

    const body = await readBody(request);
    // What is left of an unread body would be taken for the next request: these close the connection.
    const close = { Connection: "close" };
    if (body.tooLarge) return fail(request, 413, "payload_too_large", `The body is larger than ${maxBody} bytes.`, body.drained ? {} : close);
    if (body.timedOut) return fail(request, 408, "request_timeout", `The body did not arrive within ${bodyTimeoutMs / 1000} seconds.`, close);
    if (body.broken) return fail(request, 400, "invalid_body", "The request body could not be read (a malformed chunk, a wrong length or a broken connection).", close);
    let input;
    try {
      input = JSON.parse(body.text);
    } catch {
      return fail(request, 400, "invalid_json", "The body is not valid JSON.");
    }
    if (route.asOf && input && typeof input === "object" && !Array.isArray(input) && input.asOf == null) {
      input = { ...input, asOf: today() };
    }
    const form = route.fn === "renderNotice" || route.fn === "statementOfAccount" ? wants(request) : "json";
    if (form !== "json" && input && typeof input === "object") input = { ...input, output: form };
    let result;
    try {
      result = overdue[route.fn](input);
    } catch (err) {
      const code = typeof err?.code === "string" ? err.code : "internal";
      const status = code === "internal" ? 500 : 400;
      return json(request, status, { code, path: typeof err?.path === "string" ? err.path : "", message: String(err?.message ?? err) });
    }
    if (form !== "json") {
      return new Response(form === "html" ? result.html : result.text, {
        status: 200,
        headers: {
          "Content-Type": form === "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
          "Cache-Control": "no-store",
          // The notice's subject (a statement's title), for mail tools; it never holds a line break.
          "X-Notice-Subject": encodeURIComponent(result.subject ?? result.title),
          ...(form === "html" ? { "Content-Security-Policy": NOTICE_CSP } : {}),
          ...corsHeaders(request),
        },
      });
    }
    return json(request, 200, result);
  };
}
