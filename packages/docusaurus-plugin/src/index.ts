import { fileURLToPath } from "node:url";
import type { LoadContext, Plugin, SwizzleConfig } from "@docusaurus/types";
import type { PluginOptions } from "./options.js";

export { type Options, type PluginOptions, validateOptions } from "./options.js";

export const PLUGIN_NAME = "@winenroll/docusaurus-plugin";

/**
 * The winenroll Docusaurus plugin: live enrollment tools as theme components (`@theme/EnrollmentLinkBuilder`
 * and the rest), all running `@winenroll/core` in the reader's browser.
 *
 * @example
 * // docusaurus.config.ts
 * plugins: [["@winenroll/docusaurus-plugin", { defaults: { servername: "https://mdm.example.com/EnrollmentServer/Discovery.svc" }, lockedParams: ["servername"] }]]
 */
export default function winenrollPlugin(
  _context: LoadContext,
  options: PluginOptions,
): Plugin<void> {
  return {
    name: PLUGIN_NAME,
    getThemePath() {
      return fileURLToPath(new URL("./theme", import.meta.url));
    },
    getTypeScriptThemePath() {
      return fileURLToPath(new URL("../src/theme", import.meta.url));
    },
    async contentLoaded({ actions }) {
      actions.setGlobalData({ defaults: options.defaults, lockedParams: options.lockedParams });
    },
  };
}

const safe = { eject: "safe", wrap: "safe" } as const;

/** Which theme components may be swizzled, and how safely. */
export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      EnrollmentLinkBuilder: {
        actions: safe,
        description: "Form that builds an ms-device-enrollment: link",
      },
      EnrollmentLinkInspector: {
        actions: safe,
        description: "Reads and checks a pasted deep link",
      },
      DsregcmdImport: {
        actions: safe,
        description: "Reads pasted dsregcmd /status output into device facts, in the browser",
      },
      DsregcmdReference: {
        actions: safe,
        description: "Reference tables of dsregcmd's join flags and the fields winenroll reads",
      },
      ManagementCheckTable: {
        actions: safe,
        description: "Reference table of the management session's checks with their sources",
      },
      SyncMLInspector: {
        actions: safe,
        description: "Reads a pasted SyncML DM message: header, commands explained, problems",
      },
      DiagnosticList: {
        actions: safe,
        description: "List of diagnostics with severity, message and hint",
      },
      CheckTable: {
        actions: safe,
        description: "Table of checks by code, shared by the reference tables of checks",
      },
      LinkParameterTable: {
        actions: safe,
        description: "Reference table of the deep link parameters",
      },
      LinkRuleTable: { actions: safe, description: "Reference table of the link lint rules" },
      BatchColumnTable: {
        actions: safe,
        description: "Which input columns link batch reads as each link parameter",
      },
      BatchCheckTable: {
        actions: safe,
        description: "Reference table of the checks link batch makes on its input",
      },
      DiscoveryCheckTable: {
        actions: safe,
        description: "Reference table of the checks winenroll discover makes, by step",
      },
      TokenAlgorithmTable: {
        actions: safe,
        description: "Signed access token algorithms and the key each needs",
      },
      EnrollmentErrorLookup: {
        actions: safe,
        description: "Explains an enrollment error code, name, SOAP fault or message",
      },
      ErrorCodeTable: { actions: safe, description: "Reference table of the error catalog" },
      EnrollmentChecker: {
        actions: safe,
        description: "Form of device facts with the verdict on each way to connect",
      },
      DeviceFactTable: {
        actions: safe,
        description: "Reference table of the device facts the enrollment rules read",
      },
      RuleTable: {
        actions: safe,
        description: "Reference table of the enrollment rules by method",
      },
      ReleaseTable: { actions: safe, description: "Windows releases and editions tables" },
      SourcesCoverage: {
        actions: safe,
        description: "Seed statements with what encodes them, other sources, conflicts",
      },
      DecisionDiagram: {
        actions: safe,
        description: "Mermaid decision diagram from the rule table",
      },
      ProvisioningDocumentInspector: {
        actions: safe,
        description: "Reads a pasted provisioning document or enrollment response, in the browser",
      },
      EnrollmentCheckTable: {
        actions: safe,
        description: "Reference table of the enrollment checks",
      },
      EnrollmentProtocolReference: {
        actions: safe,
        description: "Enrollment protocol reference tables (URIs, elements, context items)",
      },
    },
  };
}
