export * from "./collected.js";
export * from "./dsregcmd.js";
export * from "./to-state.js";
