const api = require("overdue");
import("./cases.mjs").then(({ runCases }) =>
  api.default().then(() => process.stdout.write(JSON.stringify(runCases(api)))));
