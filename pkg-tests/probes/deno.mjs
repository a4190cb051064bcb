import init, * as api from "overdue";
import { runCases } from "./cases.mjs";
await init();
console.log(JSON.stringify(runCases(api)));
