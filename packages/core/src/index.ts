/**
 * @winenroll/core: Windows MDM enrollment knowledge as code. Pure TypeScript with no I/O, for
 * browsers and Node alike. The Node-only discovery transport lives in `@winenroll/core/node`.
 */
export * from "./batch/index.js";
export * from "./device/index.js";
export * from "./diagnostics/diagnostic.js";
export * from "./discovery/index.js";
export * from "./errors/index.js";
export * from "./link/index.js";
export * from "./rules/index.js";
export * from "./sources/sources.js";
export { closestMatches, editDistance } from "./text/similarity.js";
export * from "./tokens/index.js";
export * from "./windows/index.js";
