// Writes a users CSV of the given size for the batch benchmark: node generate.mjs ROWS FILE

import { once } from "node:events";
import { createWriteStream } from "node:fs";

export async function generateUsers(rows, file) {
  const out = createWriteStream(file);
  const departments = ["Sales", "Finance", "Engineering", "Support, EMEA", "Legal"];
  out.write("email,display_name,department,ownership\r\n");
  let buffer = "";
  for (let i = 1; i <= rows; i++) {
    const dept = departments[i % departments.length];
    buffer += `user${i}@contoso.com,User ${i},${dept.includes(",") ? `"${dept}"` : dept},${(i % 3) + 1}\r\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.write(buffer);
  out.end();
  await once(out, "finish");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generateUsers(Number(process.argv[2] ?? 1000), process.argv[3] ?? "/tmp/users.csv");
}
