/** One document winenroll takes facts from, as a citation names it. */
export interface SourceDocument {
  /** Short title as the document names itself. */
  readonly title: string;
  /** Who published it. */
  readonly publisher: string;
  /** Where to read it, when it has a stable public address. */
  readonly url?: string;
  /** Revision or date of the text the facts were taken from. */
  readonly revision?: string;
}

/** A pointer to the place in one of a table's documents (named by `Id`) that states a fact. */
export interface DocumentCitation<Id extends string> {
  readonly doc: Id;
  readonly section?: string;
}

/** The one-line form of a citation, "Title, section (revision)"; `cite` and the link code share it. */
export function formatSource(document: SourceDocument, section?: string): string {
  const where = section ? `, ${section}` : "";
  const when = document.revision ? ` (${document.revision})` : "";
  return `${document.title}${where}${when}`;
}
