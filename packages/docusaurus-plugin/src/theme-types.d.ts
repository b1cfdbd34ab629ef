// Typings for the theme components, so `import X from "@theme/X"` type-checks in a site.

declare module "@theme/DiagnosticList" {
  import type { Diagnostic } from "@winenroll/core";
  import type { ReactNode } from "react";
  export interface Props {
    readonly diagnostics: readonly Diagnostic[];
    /** Shown when the list is empty. */
    readonly emptyText?: string;
  }
  export default function DiagnosticList(props: Props): ReactNode;
}

declare module "@theme/CheckTable" {
  import type { ReactNode } from "react";
  /** One column after the code: its header and what a check shows in it. */
  export interface Column<Check> {
    readonly header: string;
    readonly cell: (check: Check) => ReactNode;
  }
  export interface Props<Check extends { readonly code: string }> {
    readonly checks: readonly Check[];
    readonly columns: readonly Column<Check>[];
  }
  export default function CheckTable<Check extends { readonly code: string }>(
    props: Props<Check>,
  ): ReactNode;
}

declare module "@theme/EnrollmentLinkBuilder" {
  import type { LinkParamName } from "@winenroll/core";
  import type { ReactNode } from "react";
  export interface Props {
    /** Preset values; they override the plugin's `defaults`. */
    readonly defaults?: Partial<Record<LinkParamName, string>>;
    /** Parameters the reader cannot change; they override the plugin's `lockedParams`. */
    readonly lockedParams?: readonly LinkParamName[];
  }
  export default function EnrollmentLinkBuilder(props: Props): ReactNode;
}

declare module "@theme/EnrollmentLinkInspector" {
  import type { ReactNode } from "react";
  export interface Props {
    /** A link to show when the page has none in its `#link=` fragment. */
    readonly initialLink?: string;
  }
  export default function EnrollmentLinkInspector(props: Props): ReactNode;
}

declare module "@theme/LinkParameterTable" {
  import type { ReactNode } from "react";
  export default function LinkParameterTable(): ReactNode;
}

declare module "@theme/LinkRuleTable" {
  import type { ReactNode } from "react";
  export default function LinkRuleTable(): ReactNode;
}

declare module "@theme/EnrollmentErrorLookup" {
  import type { ReactNode } from "react";
  export interface Props {
    /** A query to show when the page has none in its `#q=` fragment. */
    readonly initialQuery?: string;
  }
  export default function EnrollmentErrorLookup(props: Props): ReactNode;
}

declare module "@theme/ErrorCodeTable" {
  import type { ReactNode } from "react";
  export interface Props {
    /**
     * Which table: the error catalog (default), Windows' on-screen messages with the codes that
     * show each, or the WinHTTP, HTTP or Win32 codes.
     */
    readonly of?: "catalog" | "screen" | "winhttp" | "http" | "win32";
  }
  export default function ErrorCodeTable(props: Props): ReactNode;
}

declare module "@theme/BatchColumnTable" {
  import type { ReactNode } from "react";
  export default function BatchColumnTable(): ReactNode;
}

declare module "@theme/TokenAlgorithmTable" {
  import type { ReactNode } from "react";
  export default function TokenAlgorithmTable(): ReactNode;
}

declare module "@theme/BatchCheckTable" {
  import type { ReactNode } from "react";
  export default function BatchCheckTable(): ReactNode;
}

declare module "@theme/DiscoveryCheckTable" {
  import type { ReactNode } from "react";
  export default function DiscoveryCheckTable(): ReactNode;
}

declare module "@theme/EnrollmentChecker" {
  import type { DeviceState, MethodId } from "@winenroll/core";
  import type { ReactNode } from "react";
  export interface Props {
    /** Facts to start from; the page's URL fragment overrides them. */
    readonly preset?: DeviceState;
    /** Show only this method's verdict. */
    readonly method?: MethodId;
  }
  export default function EnrollmentChecker(props: Props): ReactNode;
}

declare module "@theme/RuleTable" {
  import type { MethodId } from "@winenroll/core";
  import type { ReactNode } from "react";
  export interface Props {
    /** Show only this method's rules. */
    readonly method?: MethodId;
  }
  export default function RuleTable(props: Props): ReactNode;
}

declare module "@theme/ReleaseTable" {
  import type { ReactNode } from "react";
  export interface Props {
    /** "releases" (default) or "editions". */
    readonly table?: "releases" | "editions";
  }
  export default function ReleaseTable(props: Props): ReactNode;
}

declare module "@theme/DecisionDiagram" {
  import type { ReactNode } from "react";
  export type Props = Record<string, never>;
  export default function DecisionDiagram(props: Props): ReactNode;
}

declare module "@theme/DsregcmdImport" {
  import type { DeviceState, DeviceStateProvenance } from "@winenroll/core";
  import type { ReactNode } from "react";
  export interface Props {
    /** Called with the facts dsregcmd gave and where each came from, when the reader asks. */
    readonly onState?: (state: DeviceState, provenance: DeviceStateProvenance) => void;
    /** Text to start with. */
    readonly initialText?: string;
  }
  export default function DsregcmdImport(props: Props): ReactNode;
}

declare module "@theme/DsregcmdReference" {
  import type { ReactNode } from "react";
  export interface Props {
    /** `join`: how the join type is read; `fields`: every field read and the fact it sets. */
    readonly table: "join" | "fields";
  }
  export default function DsregcmdReference(props: Props): ReactNode;
}

declare module "@theme/DeviceFactTable" {
  import type { ReactNode } from "react";
  export type Props = Record<string, never>;
  export default function DeviceFactTable(props: Props): ReactNode;
}

declare module "@theme/ProvisioningDocumentInspector" {
  import type { ReactNode } from "react";
  export interface Props {
    /** Text to inspect when the page opens. */
    readonly initialText?: string;
  }
  export default function ProvisioningDocumentInspector(props: Props): ReactNode;
}

declare module "@theme/EnrollmentCheckTable" {
  import type { ReactNode } from "react";
  export default function EnrollmentCheckTable(): ReactNode;
}

declare module "@theme/EnrollmentProtocolReference" {
  import type { ReactNode } from "react";
  export interface Props {
    readonly part:
      | "namespaces"
      | "uris"
      | "context-items"
      | "hash-oids"
      | "GetPolicies request"
      | "GetPolicies response"
      | "RequestSecurityToken"
      | "RequestSecurityTokenResponseCollection"
      | "SOAP fault";
  }
  export default function EnrollmentProtocolReference(props: Props): ReactNode;
}

declare module "@theme/SourcesCoverage" {
  import type { ReactNode } from "react";
  export interface Props {
    /** Which table: the seed's statements, the other sources, or the conflicts. */
    readonly part: "seed" | "sources" | "conflicts";
  }
  export default function SourcesCoverage(props: Props): ReactNode;
}

declare module "@theme/SyncMLInspector" {
  import type { ReactNode } from "react";
  export interface Props {
    /** A message to show at first. */
    readonly initialMessage?: string;
  }
  export default function SyncMLInspector(props: Props): ReactNode;
}

declare module "@theme/ManagementCheckTable" {
  import type { ReactNode } from "react";
  export default function ManagementCheckTable(): ReactNode;
}
