/**
 * A small XML reader for SOAP messages, written for this narrow job so it runs the same in
 * browsers and Node. It refuses document type declarations outright, so no entity can ever be
 * defined, let alone expanded: only the five predefined entities and character references are
 * decoded. Namespaces are resolved; processing instructions and comments are skipped.
 */

export interface XmlElement {
  /** The name as written, with its prefix (`s:Envelope`). */
  readonly name: string;
  /** The name without its prefix (`Envelope`). */
  readonly local: string;
  /** The namespace URI the prefix (or default namespace) resolves to; "" when none. */
  readonly namespace: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its children's), decoded, untrimmed. */
  readonly text: string;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
    this.name = "XmlError";
  }
}

export interface XmlLimits {
  /** Deepest nesting accepted. */
  readonly maxDepth?: number;
  /** Most elements accepted. */
  readonly maxElements?: number;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string, offset: number): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string, index: number) => {
    if (!whole.endsWith(";")) throw new XmlError("unterminated entity reference", offset + index);
    if (name in PREDEFINED) return PREDEFINED[name]!;
    const numeric = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
    if (numeric) {
      const value =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      if (value > 0 && value <= 0x10ffff) return String.fromCodePoint(value);
    }
    throw new XmlError(
      `unknown entity &${name}; (entities other than the five predefined ones are refused)`,
      offset + index,
    );
  });
}

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  scope: Record<string, string>;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

function resolve(
  name: string,
  scope: Record<string, string>,
  isAttribute: boolean,
  offset: number,
): { local: string; namespace: string } {
  const colon = name.indexOf(":");
  if (colon < 0) return { local: name, namespace: isAttribute ? "" : (scope[""] ?? "") };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === "xml") return { local, namespace: "http://www.w3.org/XML/1998/namespace" };
  const namespace = scope[prefix];
  if (namespace === undefined)
    throw new XmlError(`undeclared namespace prefix "${prefix}"`, offset);
  return { local, namespace };
}

/**
 * Parses one XML document into its root element.
 *
 * @example
 * const root = parseXml('<a xmlns="urn:x"><b>1 &amp; 2</b></a>');
 * root.children[0]?.text; // "1 & 2"
 * root.namespace; // "urn:x"
 */
export function parseXml(source: string, limits: XmlLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 10_000;
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const close = (open: OpenElement, at: number): void => {
    const { local, namespace } = resolve(open.name, open.scope, false, at);
    const element: XmlElement = {
      name: open.name,
      local,
      namespace,
      attributes: open.attributes,
      children: open.children,
      text: open.text,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
  };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const raw = source.slice(i, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decode(raw, i);
      else if (raw.trim() !== "") throw new XmlError("text outside the root element", i);
    }
    if (lt < 0) break;
    i = lt;
    if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end < 0) throw new XmlError("unterminated processing instruction", i);
      i = end + 2;
    } else if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i);
      if (end < 0) throw new XmlError("unterminated comment", i);
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0) throw new XmlError("unterminated CDATA section", i);
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlError("CDATA outside the root element", i);
      parent.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("<!", i)) {
      throw new XmlError("document type declarations are refused", i);
    } else if (source.startsWith("</", i)) {
      const end = source.indexOf(">", i);
      if (end < 0) throw new XmlError("unterminated end tag", i);
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new XmlError(`end tag </${name}> does not match <${open?.name ?? ""}>`, i);
      close(open, i);
      i = end + 1;
    } else {
      if (root) throw new XmlError("more than one root element", i);
      const start = i;
      i++;
      const name = NAME.exec(source.slice(i, i + 200))?.[0];
      if (!name) throw new XmlError("invalid element name", i);
      i += name.length;
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (i < source.length && /\s/.test(source[i]!)) i++;
        if (source.startsWith("/>", i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (source[i] === ">") {
          i++;
          break;
        }
        const attr = NAME.exec(source.slice(i, i + 200))?.[0];
        if (!attr) throw new XmlError(`invalid attribute in <${name}>`, i);
        i += attr.length;
        while (/\s/.test(source[i] ?? "")) i++;
        if (source[i] !== "=") throw new XmlError(`attribute ${attr} has no value`, i);
        i++;
        while (/\s/.test(source[i] ?? "")) i++;
        const quote = source[i];
        if (quote !== '"' && quote !== "'")
          throw new XmlError(`attribute ${attr} is not quoted`, i);
        const end = source.indexOf(quote, i + 1);
        if (end < 0) throw new XmlError(`unterminated value of ${attr}`, i);
        const rawValue = source.slice(i + 1, end);
        if (rawValue.includes("<")) throw new XmlError(`"<" in the value of ${attr}`, i);
        if (attr in attributes) throw new XmlError(`attribute ${attr} repeated`, i);
        attributes[attr] = decode(rawValue, i + 1);
        i = end + 1;
      }
      count++;
      if (count > maxElements) throw new XmlError(`more than ${maxElements} elements`, start);
      if (stack.length + 1 > maxDepth) throw new XmlError(`nested deeper than ${maxDepth}`, start);
      const scope = { ...(stack[stack.length - 1]?.scope ?? {}) };
      for (const [key, value] of Object.entries(attributes)) {
        if (key === "xmlns") scope[""] = value;
        else if (key.startsWith("xmlns:")) scope[key.slice(6)] = value;
      }
      const open: OpenElement = { name, attributes, children: [], text: "", scope };
      if (selfClosing) close(open, start);
      else stack.push(open);
    }
  }
  if (stack.length > 0)
    throw new XmlError(`<${stack[stack.length - 1]!.name}> is never closed`, source.length);
  if (!root) throw new XmlError("no root element", 0);
  return root;
}

/**
 * Parses like `parseXml` without throwing: the root element, or why the text is not readable XML
 * (for the parsers that report a broken message instead of failing).
 *
 * @example
 * parseXmlOrError("<a><b/></a>"); // { root: <a> }
 * parseXmlOrError("<a>"); // { error: "…" }
 */
export function parseXmlOrError(
  source: string,
  limits: XmlLimits = {},
): { readonly root: XmlElement } | { readonly error: string } {
  try {
    return { root: parseXml(source, limits) };
  } catch (error) {
    return { error: error instanceof XmlError ? error.message : String(error) };
  }
}

/**
 * The first child with this local name (compared without regard to case), if any.
 *
 * @example
 * childByName(parseXml("<a><B>1</B></a>"), "b")?.text; // "1"
 */
export function childByName(element: XmlElement, local: string): XmlElement | undefined {
  const wanted = local.toLowerCase();
  return element.children.find((c) => c.local.toLowerCase() === wanted);
}

/**
 * All text inside an element, its children's included.
 *
 * @example
 * textContent(parseXml("<a>1<b>2</b></a>")); // "12"
 */
export function textContent(element: XmlElement): string {
  return element.text + element.children.map(textContent).join("");
}
