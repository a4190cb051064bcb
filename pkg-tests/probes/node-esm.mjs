import init, * as api from "overdue";
import { runCases } from "./cases.mjs";
await init();
process.stdout.write(JSON.stringify(runCases(api)));
