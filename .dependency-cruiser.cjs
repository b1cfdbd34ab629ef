/**
 * Import rules of the workspace, checked by `pnpm check:imports` (dependency-cruiser) in CI.
 *
 * Core's layers, lowest first (docs: ../shared/DESIGN.md, "Layers inside core"):
 *   0  sources, text, diagnostics, xml
 *   1  windows
 *   2  link, errors
 *   3  rules
 *   4  device, discovery, batch, tokens, enrollment, management, coverage (and node, which carries discovery)
 * A folder imports only from its own layer or lower ones. No import cycle anywhere, type imports
 * included. The faces (CLI, docs plugin, docs site) import core only through its package entries.
 */
const CORE = "^packages/core/src/";
/** Core's public entries, read from its exports map: `@winenroll/core`, `@winenroll/core/node`, … */
const CORE_ENTRIES = Object.keys(require("./packages/core/package.json").exports).map((entry) =>
  entry.slice(2).replace(/[.]/g, "\\."),
);
const LAYERS = [
  ["sources", "text", "diagnostics", "xml"],
  ["windows"],
  ["link", "errors"],
  ["rules"],
  ["device", "discovery", "batch", "tokens", "enrollment", "management", "coverage", "node"],
];
const folders = (layers) => `${CORE}(${layers.flat().join("|")})/`;

/** One rule per layer: nothing in it may reach a higher layer. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `core-layer-${i}-${layer.join("-")}`,
  comment: `core/${layer.join(", ")} may import only from layer ${i} or lower`,
  severity: "error",
  from: {
    path: folders([layer]),
    // explainError also searches the enrollment rules' on-screen messages (errors/rule-messages.ts
    // reads rules/rules.ts): the one known upward import, kept until explain takes them as input.
    // Tests may reach up to check how the layers fit together.
    pathNot: [`${CORE}errors/rule-messages\\.ts$`, "\\.test\\.tsx?$"],
  },
  to: { path: folders(LAYERS.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycle anywhere in the workspace (type-only imports count)",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: "core-folder-unknown",
      comment: "Every folder of core belongs to a layer: add a new one to LAYERS",
      severity: "error",
      from: { path: CORE },
      to: { path: CORE, pathNot: [folders(LAYERS), `${CORE}index\\.ts$`] },
    },
    {
      name: "core-no-face",
      comment: "Core knows nothing of its faces",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^(apps/|packages/docusaurus-plugin/)" },
    },
    {
      name: "faces-through-core-entries",
      comment:
        "The CLI, the plugin and the docs import core by its package name and entries (@winenroll/core, /node, /batch, …), never its files",
      severity: "error",
      from: { path: "^(apps/|packages/docusaurus-plugin/)" },
      to: { path: "^packages/core/(src|dist)/" },
    },
    {
      name: "faces-core-entries-only",
      comment: "A face imports @winenroll/core or one of the subpaths its exports map names",
      severity: "error",
      from: { path: "^(apps/|packages/docusaurus-plugin/)" },
      to: {
        couldNotResolve: true,
        path: `^@winenroll/core/(?!(${CORE_ENTRIES.filter(Boolean).join("|")})$)`,
      },
    },
    {
      name: "faces-not-each-other",
      comment: "The CLI and the docs plugin never import each other",
      severity: "error",
      from: { path: "^(apps/cli|packages/docusaurus-plugin)/" },
      to: { path: "^(apps/cli|packages/docusaurus-plugin)/", pathNot: "^$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|build|\\.docusaurus|\\.turbo)/" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
