/** SSLCLIENTCERTSEARCHCRITERIA decoded: the subject and the stores it names. */
export interface SearchCriteria {
  /** Subject values (several are separated by U+F000), percent-decoded. */
  readonly subjects: readonly string[];
  /** Store names, percent-decoded (`My\User`). */
  readonly stores: readonly string[];
  /** Names other than Subject and Stores (Windows ignores them). */
  readonly ignored: readonly string[];
}

/**
 * Decodes an SSLCLIENTCERTSEARCHCRITERIA value (after XML decoding).
 *
 * @example
 * parseSearchCriteria("Subject=CN%3DTester,O%3DMicrosoft&Stores=My%5CUser");
 * // { subjects: ["CN=Tester,O=Microsoft"], stores: ["My\\User"], ignored: [] }
 */
export function parseSearchCriteria(value: string): SearchCriteria {
  void value;
  throw new Error("not implemented");
}
