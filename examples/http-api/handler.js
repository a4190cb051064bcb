// One request handler for every runtime: JSON in, JSON out, one route per capability. Pass it the
// overdue module (`import * as overdue from "overdue"`) and get a `fetch(request) => Response`.
// It keeps no state between requests.

const ROUTES = {
  "/notice": { fn: "renderNotice", asOf: true, about: "a reminder notice (Accept: text/plain or text/html returns the body alone)" },
  "/next-actions": { fn: "nextActions", asOf: true, about: "what to send to whom today" },
  "/preview-ladder": { fn: "previewLadder", asOf: true, about: "the dated plan of notices for one invoice" },
  "/aging": { fn: "ageReceivables", asOf: true, about: "the ageing report" },
  "/kpis": { fn: "receivablesKpis", asOf: false, about: "DSO, CEI and other collection KPIs" },
  "/worklist": { fn: "collectionWorklist", asOf: true, about: "who to chase first" },
  "/late-charges": { fn: "lateCharges", asOf: true, about: "late-payment interest and compensation" },
  "/plan": { fn: "paymentPlan", asOf: false, about: "a payment-plan schedule" },
  "/risk": { fn: "paymentRisk", asOf: true, about: "payment-risk trend per customer" },
  "/validate-template": { fn: "validateTemplate", asOf: false, about: "problems in a custom notice template" },
};

/** The largest request body read: anything longer is refused with 413 before it is parsed. */
export const MAX_BODY = 1024 * 1024;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param {object} overdue the overdue module
 * @param {{ cors?: string | string[] | null, maxBody?: number }} [options]
 *   cors: "*" (the default), a list of allowed origins, or null for no CORS headers.
 */
export function createHandler(overdue, options = {}) {
  const cors = options.cors === undefined ? "*" : options.cors;
  const maxBody = options.maxBody ?? MAX_BODY;

  function corsHeaders(request) {
    if (!cors) return {};
    const origin = request.headers.get("Origin");
    const allowed = cors === "*" ? "*" : origin && [].concat(cors).includes(origin) ? origin : null;
    if (!allowed) return {};
    return { "Access-Control-Allow-Origin": allowed, ...(allowed === "*" ? {} : { Vary: "Origin" }) };
  }

  function json(request, status, body, extra = {}) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...corsHeaders(request), ...extra },
    });
  }

  const fail = (request, status, code, message, extra) => json(request, status, { code, path: "", message }, extra);

  async function readBody(request) {
    const declared = Number(request.headers.get("Content-Length"));
    if (declared > maxBody) return { tooLarge: true };
    if (!request.body) return { text: "" };
    // Count what actually arrives too: a length header can be missing or wrong.
    const reader = request.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBody) {
        await reader.cancel();
        return { tooLarge: true };
      }
      chunks.push(value);
    }
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
    if (body.tooLarge) return fail(request, 413, "payload_too_large", `The body is larger than ${maxBody} bytes.`);
    let input;
    try {
      input = JSON.parse(body.text);
    } catch {
      return fail(request, 400, "invalid_json", "The body is not valid JSON.");
    }
    if (route.asOf && input && typeof input === "object" && !Array.isArray(input) && input.asOf == null) {
      input = { ...input, asOf: today() };
    }
    const form = route.fn === "renderNotice" ? wants(request) : "json";
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
          // The notice's subject, for mail tools; it never holds a line break.
          "X-Notice-Subject": encodeURIComponent(result.subject),
          ...(form === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } : {}),
          ...corsHeaders(request),
        },
      });
    }
    return json(request, 200, result);
  };
}
