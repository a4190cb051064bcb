// A server component: overdue runs while the page renders, in the Node runtime.
import * as overdue from "overdue";
import * as plan from "overdue/plan";
import { runJobs } from "../../shared/jobs.js";

export const dynamic = "force-dynamic";

export default function Page() {
  return <pre id="result">{JSON.stringify(runJobs(overdue, plan))}</pre>;
}
