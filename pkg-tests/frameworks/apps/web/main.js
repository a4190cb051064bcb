// The browser app every bundler builds: overdue as a web developer imports it, `init()` with no
// argument (the bundler is expected to ship overdue_bg.wasm next to the bundle).
import init, * as overdue from "overdue";
import initPlan, * as plan from "overdue/plan";
import { beforeInit, runJobs } from "../shared/jobs.js";

const before = beforeInit(overdue);
Promise.all([init(), initPlan()]).then(
  () => { document.body.dataset.result = JSON.stringify({ before, jobs: runJobs(overdue, plan) }); },
  (e) => { document.body.dataset.result = JSON.stringify({ before, failed: { code: e.code, instance: e instanceof overdue.OverdueError, message: e.message } }); },
);
