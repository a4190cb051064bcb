// The route handlers of routes.js in the Node runtime (the default).
export { GET, POST } from "../../../routes.js";
