// The same app for esbuild, which does not copy files named by `new URL(…, import.meta.url)`: the
// README's one line, `import wasmUrl from "overdue/overdue_bg.wasm"` with `--loader:.wasm=file`.
import init, * as overdue from "overdue";
import wasmUrl from "overdue/overdue_bg.wasm";
import initPlan, * as plan from "overdue/plan";
import planWasmUrl from "overdue/plan/overdue_bg.wasm";
import { beforeInit, runJobs } from "../shared/jobs.js";

const before = beforeInit(overdue);
Promise.all([init({ module_or_path: wasmUrl }), initPlan({ module_or_path: planWasmUrl })]).then(
  () => { document.body.dataset.result = JSON.stringify({ before, jobs: runJobs(overdue, plan) }); },
  (e) => { document.body.dataset.result = JSON.stringify({ before, failed: { code: e.code, message: e.message } }); },
);
