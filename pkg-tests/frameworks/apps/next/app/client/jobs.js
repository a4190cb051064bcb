"use client";
// A client component: the browser build of overdue, loaded with init() after hydration.
import { useEffect } from "react";
import init, * as overdue from "overdue";
import initPlan, * as plan from "overdue/plan";
import { beforeInit, runJobs } from "../../../shared/jobs.js";

export default function Jobs() {
  useEffect(() => {
    const before = beforeInit(overdue);
    Promise.all([init(), initPlan()]).then(
      () => { document.body.dataset.result = JSON.stringify({ before, jobs: runJobs(overdue, plan) }); },
      (e) => { document.body.dataset.result = JSON.stringify({ failed: e.message }); },
    );
  }, []);
  return <p>client</p>;
}
