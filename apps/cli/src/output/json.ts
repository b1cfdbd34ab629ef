/** The one JSON object a `--json` command prints on stdout. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
