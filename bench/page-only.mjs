// The page benchmark alone (what `make bench` runs as its page section): `node bench/page-only.mjs [--quick]`.
// Needs `make pkg`. Prints the figures as JSON.
import { pageBench } from "./page.mjs";
console.log(JSON.stringify(await pageBench(process.argv.includes("--quick")), null, 1));
