export * from "./collected.js";
export * from "./dsregcmd.js";
export * from "./mdm-report.js";
export * from "./to-state.js";
