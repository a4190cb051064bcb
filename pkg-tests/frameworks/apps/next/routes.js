// The route handlers both runtimes serve: GET runs the shared jobs, POST passes the request body
// straight to lateCharges, as an API would. Each route file picks its runtime and re-exports these,
// so Next bundles this module (and overdue's entry for that runtime) once per runtime.
import * as overdue from "overdue";
import * as plan from "overdue/plan";
import { runJobs } from "../shared/jobs.js";

export function GET() {
  return Response.json(runJobs(overdue, plan));
}

export async function POST(request) {
  try {
    return Response.json(overdue.lateCharges(await request.json()));
  } catch (e) {
    if (!(e instanceof overdue.OverdueError)) throw e;
    return Response.json({ code: e.code, path: e.path }, { status: 400 });
  }
}
