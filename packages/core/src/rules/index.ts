export * from "./capabilities.js";
export * from "./diagram.js";
export * from "./evaluate.js";
export * from "./methods.js";
export * from "./read-state.js";
export * from "./recommend.js";
export * from "./rules.js";
export * from "./state.js";
