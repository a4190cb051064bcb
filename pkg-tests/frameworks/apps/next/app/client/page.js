import Jobs from "./jobs.js";
export default function Page() { return <main><Jobs /></main>; }
