// The browser app every bundler builds: overdue as a web developer imports it, `init()` with no
// argument (the bundler is expected to ship overdue_bg.wasm next to the bundle).
import init, * as overdue from "overdue";
import { beforeInit, runJobs } from "../shared/jobs.js";

const before = beforeInit(overdue);
init().then(
  () => { document.body.dataset.result = JSON.stringify({ before, jobs: runJobs(overdue) }); },
  (e) => { document.body.dataset.result = JSON.stringify({ before, failed: { code: e.code, instance: e instanceof overdue.OverdueError, message: e.message } }); },
);
