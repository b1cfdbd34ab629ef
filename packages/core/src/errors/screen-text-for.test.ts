import { describe, expect, it } from "vitest";
import { ERROR_CATALOG } from "./catalog.js";
import { SCREEN_MESSAGE_ROWS, screenTextFor } from "./screen-messages.js";

describe("screenTextFor", () => {
  it("fills the code into the text Windows shows", () => {
    expect(screenTextFor(0x80180003)).toBe(
      "This user isn't authorized to enroll. You can try to do this again or contact your system administrator with the error code 0x80180003.",
    );
    // The table's ServerConnectivity text has no closing period.
    expect(screenTextFor(0x80180001)).toBe(
      "There was an error communicating with the server. You can try to do this again or contact your system administrator with the error code 0x80180001",
    );
    expect(screenTextFor(0x80180024)).toBeUndefined();
  });

  it("covers only codes the catalog knows", () => {
    const known = new Set(ERROR_CATALOG.map((e) => e.hresult));
    for (const { code } of SCREEN_MESSAGE_ROWS)
      if (typeof code === "number") expect(known.has(code), code.toString(16)).toBe(true);
  });
});
