import { describe, expect, it } from "vitest";
import { SeenUsers } from "./users.js";

describe("SeenUsers", () => {
  it("returns the first line of a repeated key and nothing for a new one", () => {
    const seen = new SeenUsers(4);
    expect(seen.firstSeen("ana@contoso.com", 2)).toBeUndefined();
    expect(seen.firstSeen("bo@contoso.com", 3)).toBeUndefined();
    expect(seen.firstSeen("ana@contoso.com", 9)).toBe(2);
    expect(seen.size).toBe(2);
  });

  it("keeps every key through growth", () => {
    const seen = new SeenUsers(2);
    for (let i = 1; i <= 20_000; i++)
      expect(seen.firstSeen(`user${i}@contoso.com`, i)).toBeUndefined();
    for (let i = 1; i <= 20_000; i += 997)
      expect(seen.firstSeen(`user${i}@contoso.com`, 50_000)).toBe(i);
    expect(seen.size).toBe(20_000);
  });
});
