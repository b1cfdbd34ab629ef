import type { Props } from "@theme/DecisionDiagram";
import Mermaid from "@theme/Mermaid";
import { decisionDiagram } from "@winenroll/core";

/** "Which way should this device connect?", drawn by Mermaid from core's rule table. */
export default function DecisionDiagram(_props: Props) {
  return (
    <figure aria-label="Which way should this device connect?">
      <Mermaid value={decisionDiagram()} />
    </figure>
  );
}
