import { readdirSync } from "node:fs";
import { normalizePluginOptions } from "@docusaurus/utils-validation";
import { describe, expect, it } from "vitest";
import winenrollPlugin, { getSwizzleConfig } from "./index.js";
import { type PluginOptions, validateOptions } from "./options.js";

const validate = (options: unknown) =>
  validateOptions({
    options: options as PluginOptions,
    validate: (schema, value) =>
      normalizePluginOptions(schema as never, value as never) as PluginOptions,
  });

describe("plugin options", () => {
  it("default to no presets", () => {
    expect(validate({})).toMatchObject({ defaults: {}, lockedParams: [] });
  });

  it("accept presets for link parameters and lock them", () => {
    const options = validate({
      defaults: { servername: "https://mdm.example.com" },
      lockedParams: ["servername"],
    });
    expect(options.defaults.servername).toBe("https://mdm.example.com");
    expect(options.lockedParams).toEqual(["servername"]);
  });

  it("reject a preset for a parameter Windows does not know", () => {
    expect(() => validate({ defaults: { serverurl: "x" } })).toThrow(/serverurl/);
  });

  it("reject locking a parameter that has no preset value", () => {
    expect(() => validate({ lockedParams: ["servername"] })).toThrow(/need a value in defaults/);
  });

  it("reject an unknown locked parameter", () => {
    expect(() => validate({ defaults: {}, lockedParams: ["server"] })).toThrow();
  });
});

describe("the plugin", () => {
  it("publishes its presets as global data for the components", async () => {
    const options = validate({
      defaults: { tenantidentifier: "contoso" },
      lockedParams: ["tenantidentifier"],
    });
    const plugin = winenrollPlugin({} as never, options);
    let published: unknown;
    await plugin.contentLoaded?.({
      content: undefined,
      actions: { setGlobalData: (d: unknown) => (published = d) },
    } as never);
    expect(published).toEqual({
      defaults: { tenantidentifier: "contoso" },
      lockedParams: ["tenantidentifier"],
    });
  });

  it("offers every theme component it ships for swizzling", () => {
    const plugin = winenrollPlugin({} as never, validate({}));
    const themePath = plugin.getThemePath?.() ?? "";
    expect(themePath).toMatch(/theme$/);
    const shipped = readdirSync(new URL("./theme", import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(getSwizzleConfig().components).sort()).toEqual(shipped);
  });
});
