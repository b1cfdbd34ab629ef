/** SSLCLIENTCERTSEARCHCRITERIA decoded: the subject and the stores it names. */
export interface SearchCriteria {
  /** Subject values (several are separated by U+F000), percent-decoded. */
  readonly subjects: readonly string[];
  /** Store names, percent-decoded (`My\User`). */
  readonly stores: readonly string[];
  /** Names other than Subject and Stores (Windows ignores them). */
  readonly ignored: readonly string[];
  /** Pairs whose percent-encoding could not be decoded, as written. */
  readonly undecodable: readonly string[];
}

const VALUE_SEPARATOR = "\uF000";

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Decodes an SSLCLIENTCERTSEARCHCRITERIA value (after XML decoding): `name=value` pairs joined by
 * `&`, values percent-encoded, several values separated by U+F000; only Subject and Stores count.
 *
 * @example
 * parseSearchCriteria("Subject=CN%3DTester,O%3DMicrosoft&Stores=My%5CUser");
 * // { subjects: ["CN=Tester,O=Microsoft"], stores: ["My\\User"], ignored: [], undecodable: [] }
 */
export function parseSearchCriteria(value: string): SearchCriteria {
  const subjects: string[] = [];
  const stores: string[] = [];
  const ignored: string[] = [];
  const undecodable: string[] = [];
  for (const pair of value.split("&")) {
    if (pair.trim() === "") continue;
    const equals = pair.indexOf("=");
    const name = (equals < 0 ? pair : pair.slice(0, equals)).trim();
    const decoded = decode(equals < 0 ? "" : pair.slice(equals + 1));
    if (decoded === undefined) {
      undecodable.push(pair);
      continue;
    }
    const values = decoded.split(VALUE_SEPARATOR).filter((v) => v !== "");
    if (name.toLowerCase() === "subject") subjects.push(...values);
    else if (name.toLowerCase() === "stores") stores.push(...values);
    else ignored.push(name);
  }
  return { subjects, stores, ignored, undecodable };
}
