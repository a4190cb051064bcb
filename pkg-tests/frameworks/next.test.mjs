// Next.js with no configuration: `next build` then `next start`, with Turbopack (the default) and
// with webpack (`--webpack`). A server component and a Node route handler use the Node entry, an edge
// route handler the edge-light one, a client component the browser build.
import assert from "node:assert/strict";
import { test } from "node:test";
import { EXPECTED } from "./expected.mjs";
import { app, bin, freePort, resultInChromium, serve, sh } from "./lib.mjs";

const LATE = {
  asOf: "2026-03-02",
  regime: { kind: "contract", annualRate: 12 },
  invoices: [{ id: "L-1", customer: { id: "c1", name: "Brightwater Joinery" }, currency: "GBP", amount: "1000.00", issueDate: "2026-01-01", dueDate: "2026-01-31" }],
};

for (const bundler of ["turbopack", "webpack"]) {
  test(`Next.js (${bundler}): server component, Node and edge route handlers, client component`, async () => {
    const dir = app("next");
    sh(dir, bin("next"), ["build", ...(bundler === "webpack" ? ["--webpack"] : [])]);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await serve(dir, bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], base);
    try {
      const html = await (await fetch(`${base}/`)).text();
      const rendered = /<pre id="result">(.*?)<\/pre>/s.exec(html)?.[1];
      assert.ok(rendered, `the server component rendered no result:\n${html.slice(0, 2000)}`);
      assert.deepEqual(JSON.parse(rendered.replaceAll("&quot;", '"').replaceAll("&amp;", "&")), EXPECTED, "server component");

      for (const runtime of ["node", "edge"]) {
        const got = await fetch(`${base}/api/${runtime}`);
        assert.equal(got.status, 200, `${runtime} route: ${await got.clone().text()}`);
        assert.deepEqual(await got.json(), EXPECTED, `${runtime} route handler`);
        const posted = await (await fetch(`${base}/api/${runtime}`, { method: "POST", body: JSON.stringify(LATE) })).json();
        assert.equal(posted.invoices[0].interest, EXPECTED.interest, `${runtime} route, request body`);
        const refused = await fetch(`${base}/api/${runtime}`, { method: "POST", body: JSON.stringify({ ...LATE, asOf: "2026-02-30" }) });
        assert.equal(refused.status, 400, `${runtime} route: an OverdueError is caught with instanceof`);
        assert.deepEqual(await refused.json(), { code: "invalid_date", path: "asOf" });
      }

      const client = await resultInChromium(`${base}/client`);
      assert.deepEqual(client, { before: { code: "not_initialised", instance: true }, jobs: EXPECTED }, "client component");
    } finally {
      server.stop();
    }
  });
}
