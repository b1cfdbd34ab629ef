// @theme/Mermaid comes from @docusaurus/theme-mermaid, which the site using this component loads.
declare module "@theme/Mermaid" {
  import type { ReactNode } from "react";
  export default function Mermaid(props: { value: string }): ReactNode;
}
