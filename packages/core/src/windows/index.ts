export * from "./editions.js";
export * from "./releases.js";
export * from "./version.js";
