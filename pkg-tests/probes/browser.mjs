import init, * as api from "overdue";
import { runCases } from "./cases.mjs";
await init();
window.__overdue = runCases(api);
