// The route handlers of routes.js in the edge runtime.
export { GET, POST } from "../../../routes.js";

export const runtime = "edge";
