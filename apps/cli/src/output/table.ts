/** Left-aligned columns for terminal output; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[], gap = "  "): string {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "").length;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + " ".repeat(widths[i]! - visible(cell)),
        )
        .join(gap),
    )
    .join("\n");
}
