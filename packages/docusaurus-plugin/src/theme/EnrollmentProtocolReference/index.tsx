import type { Props } from "@theme/EnrollmentProtocolReference";
import { formatCitation } from "@winenroll/core";
import {
  CONTEXT_ITEMS,
  ENROLLMENT_NAMESPACES,
  ENROLLMENT_URIS,
  HASH_OIDS,
  PROTOCOL_ELEMENTS,
  type ProtocolElement,
} from "@winenroll/core/enrollment";

const MESSAGES: readonly ProtocolElement["message"][] = [
  "GetPolicies request",
  "GetPolicies response",
  "RequestSecurityToken",
  "RequestSecurityTokenResponseCollection",
  "SOAP fault",
];

function Uris() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">URI</th>
          <th scope="col">Where</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {Object.values(ENROLLMENT_URIS).map((u) => (
          <tr key={u.name}>
            <td>{u.name}</td>
            <td>
              <code>{u.uri}</code>
              {"variants" in u
                ? u.variants.map((v) => (
                    <div key={v.uri}>
                      Also seen: <code>{v.uri}</code> ({v.note})
                    </div>
                  ))
                : null}
            </td>
            <td>{u.use}</td>
            <td>{formatCitation(u.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Elements({ message }: { message: ProtocolElement["message"] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Element</th>
          <th scope="col">Required</th>
          <th scope="col">Carries</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {PROTOCOL_ELEMENTS.filter((e) => e.message === message).map((e) => (
          <tr key={e.path}>
            <td>
              <code>{e.path}</code>
            </td>
            <td>{e.required ? "yes" : "no"}</td>
            <td>{e.meaning}</td>
            <td>{formatCitation(e.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ContextItems() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Meaning</th>
          <th scope="col">Values</th>
          <th scope="col">MS-MDE2</th>
          <th scope="col">Sent by winenroll</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {CONTEXT_ITEMS.map((item) => (
          <tr key={item.name} id={`context-${item.name}`}>
            <td>
              <code>{item.name}</code>
            </td>
            <td>
              {item.meaning}
              {item.since ? ` Since ${item.since}.` : ""}
            </td>
            <td>{item.values}</td>
            <td>{item.requirement}</td>
            <td>{item.sentByDefault ? "yes" : "when set"}</td>
            <td>{item.sources.map(formatCitation).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Hashes() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">OID</th>
          <th scope="col">Hash</th>
          <th scope="col">Name</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {HASH_OIDS.map((h) => (
          <tr key={h.oid}>
            <td>
              <code>{h.oid}</code>
            </td>
            <td>{h.hash}</td>
            <td>
              {h.name}
              {h.note ? <div>{h.note}</div> : null}
            </td>
            <td>{formatCitation(h.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Namespaces() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Prefix</th>
          <th scope="col">Namespace</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(ENROLLMENT_NAMESPACES).map(([prefix, uri]) => (
          <tr key={prefix}>
            <td>
              <code>{prefix}</code>
            </td>
            <td>
              <code>{uri}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One part of the enrollment protocol reference, rendered from core's protocol data: `namespaces`,
 * `uris`, `context-items`, `hash-oids`, or the elements of one message.
 */
export default function EnrollmentProtocolReference({ part }: Props) {
  switch (part) {
    case "namespaces":
      return <Namespaces />;
    case "uris":
      return <Uris />;
    case "context-items":
      return <ContextItems />;
    case "hash-oids":
      return <Hashes />;
    default:
      return MESSAGES.includes(part) ? <Elements message={part} /> : null;
  }
}
