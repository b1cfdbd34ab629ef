/**
 * Canonical XML 1.0 (inclusive, without comments) of a whole document that has no mixed content,
 * which is what the signed Certificate header digests after the enveloped-signature transform. Only
 * used on envelopes winenroll writes itself, compactly (no text beside child elements).
 */
import type { XmlElement } from "../xml/reader.js";

function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#xD;");
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#x9;")
    .replace(/\n/g, "&#xA;")
    .replace(/\r/g, "&#xD;");
}

type Scope = Readonly<Record<string, string>>;

function attributeNamespace(name: string, scope: Scope): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : (scope[name.slice(0, colon)] ?? "");
}

function render(element: XmlElement, inherited: Scope): string {
  const scope: Record<string, string> = { ...inherited };
  const declarations: [string, string][] = [];
  const attributes: [string, string][] = [];
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) {
      const prefix = name === "xmlns" ? "" : name.slice(6);
      // A declaration an output ancestor already made with the same value is not repeated.
      if (inherited[prefix] !== value) declarations.push([name, value]);
      scope[prefix] = value;
    } else attributes.push([name, value]);
  }
  declarations.sort(([a], [b]) => (a === "xmlns" ? -1 : b === "xmlns" ? 1 : a < b ? -1 : 1));
  attributes.sort(([a], [b]) => {
    const na = attributeNamespace(a, scope);
    const nb = attributeNamespace(b, scope);
    if (na !== nb) return na < nb ? -1 : 1;
    const la = a.slice(a.indexOf(":") + 1);
    const lb = b.slice(b.indexOf(":") + 1);
    return la < lb ? -1 : la > lb ? 1 : 0;
  });
  const head = [...declarations, ...attributes]
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  const inner =
    element.children.length > 0
      ? element.children.map((child) => render(child, scope)).join("")
      : escapeText(element.text);
  return `<${element.name}${head}>${inner}</${element.name}>`;
}

/** The canonical form of a document's root element and everything in it. */
export function canonicalize(root: XmlElement): string {
  return render(root, { "": "" });
}

/** Removes whitespace between tags, so a document we wrote has no mixed content. */
export function compactXml(xml: string): string {
  return xml
    .replace(/<\?xml[^>]*\?>/, "")
    .replace(/>\s+</g, "><")
    .trim();
}
