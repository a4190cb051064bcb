// A route handler in the edge runtime: GET runs the shared jobs, POST passes the request body
// straight to lateCharges, as an API would.
import * as overdue from "overdue";
import * as plan from "overdue/plan";
import { runJobs } from "../../../../shared/jobs.js";

export const runtime = "edge";

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
