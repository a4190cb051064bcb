// POST /notice in workerd (the Cloudflare example under miniflare): start-up, first response,
// latency percentiles and throughput; and the deployed bundle sizes against the platforms' limits.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { prepareApp } from "../pkg-tests/lib/app.mjs";
import { copyExamples, startEdge, startWorkerd } from "../pkg-tests/lib/http.mjs";

const NOTICE = {
  asOf: "2026-11-23", stage: "final",
  sender: { name: "Harbour Lane Design", bankDetails: "Sort code 20-00-00\nAccount 55555555", paymentLink: "https://pay.example/nw" },
  customer: { contactName: "Alex Rivera" },
  invoices: [1, 2, 3, 4, 5].map((k) => ({
    id: `INV-${k}`, customer: { id: "C-17", name: "Northwind Traders" }, currency: "GBP", amount: `${k * 310}.50`,
    issueDate: "2026-09-01", dueDate: `2026-10-0${k}`,
  })),
};
const init = () => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(NOTICE) });

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function edgeBench(quick) {
  prepareApp();
  copyExamples();
  const starts = [];
  let rt;
  // Cold start: a new workerd process each time, to its first complete response.
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const t0 = performance.now();
    rt = await startWorkerd();
    const t1 = performance.now();
    const res = await rt.fetch("/notice", init());
    if (res.status !== 200) throw new Error(`POST /notice: ${res.status} ${await res.text()}`);
    await res.text();
    starts.push({ ready: t1 - t0, first: performance.now() - t1 });
    if (i < (quick ? 1 : 4)) await rt.stop();
  }
  const sequential = [];
  for (let i = 0; i < (quick ? 300 : 2000); i++) {
    const t = performance.now();
    const res = await rt.fetch("/notice", init());
    await res.text();
    sequential.push(performance.now() - t);
  }
  const total = quick ? 1000 : 5000;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 50 }, async () => {
    while (next++ < total) await (await rt.fetch("/notice", init())).text();
  }));
  const rps = total / ((performance.now() - t0) / 1000);
  // The script and the wasm modules wrangler would upload beside it (named per entry point).
  const cfBytes = readdirSync(rt.outdir).filter((f) => f === "worker.js" || f.endsWith(".wasm")).map((f) => readFileSync(join(rt.outdir, f)));
  await rt.stop();
  const edge = await startEdge();
  await edge.stop();
  const edgeCode = readFileSync(join(rt.outdir, "..", "edge-api", "worker.js"));
  const gz = (bufs) => bufs.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
  return {
    readyMs: pct(starts.map((s) => s.ready), 50),
    firstMs: pct(starts.map((s) => s.first), 50),
    p50: pct(sequential, 50), p99: pct(sequential, 99), n: sequential.length, rps, total,
    cloudflare: { raw: cfBytes.reduce((a, b) => a + b.length, 0), gzip: gz(cfBytes) },
    vercel: { raw: edgeCode.length, gzip: gz([edgeCode]) },
  };
}
