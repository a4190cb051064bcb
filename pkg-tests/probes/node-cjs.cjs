const api = require("overdue");
const entries = { plan: require("overdue/plan"), aging: require("overdue/aging"), charges: require("overdue/charges"),
  notices: require("overdue/notices"), import: require("overdue/import") };
import("./cases.mjs").then(({ runCases, runEntries }) =>
  Promise.all([api.default(), ...Object.values(entries).map((e) => e.default())])
    .then(() => process.stdout.write(JSON.stringify({ ...runCases(api), entries: runEntries(entries) }))));
