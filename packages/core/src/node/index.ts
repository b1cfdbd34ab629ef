/**
 * @winenroll/core/node: the Node-only half of winenroll, the network transport the discovery
 * probe runs on. Everything else lives in the browser-safe `@winenroll/core`.
 */
export { applyConnectTo, type ConnectTo, parseConnectTo } from "./connect-to.js";
export { createNodeTransport, type NodeTransportOptions } from "./transport.js";
