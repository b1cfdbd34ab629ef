// Writes the smallest Docusaurus site a user could make with the plugin: the README's recipe, installed
// from packed tarballs instead of the registry, in a folder that knows nothing of this workspace.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LinkParamName } from "@winenroll/core";

type Defaults = Partial<Record<LinkParamName, string>>;

/** What the site sets: site-wide defaults in the plugin options, and the page's own on the component. */
export interface SitePresets {
  readonly pluginDefaults: Defaults;
  readonly pageDefaults: Defaults;
}

export interface SiteTarballs {
  readonly core: string;
  readonly plugin: string;
}

// Docusaurus, React and MDX at the versions the docs site is built and tested with (its package.json).
const DOCS_MANIFEST = new URL("../../../docs/package.json", import.meta.url);
const FROM_DOCS = [
  "@docusaurus/core",
  "@docusaurus/preset-classic",
  "@mdx-js/react",
  "react",
  "react-dom",
];

function docsVersions(): Record<string, string> {
  const { dependencies } = JSON.parse(readFileSync(DOCS_MANIFEST, "utf8")) as {
    dependencies: Record<string, string>;
  };
  return Object.fromEntries(
    FROM_DOCS.map((name) => {
      const version = dependencies[name];
      if (!version) throw new Error(`apps/docs/package.json has no ${name} to copy the version of`);
      return [name, version];
    }),
  );
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Writes the site into `dir` (which must be outside the workspace, or pnpm would treat it as a member). */
export function writeSite(dir: string, tarballs: SiteTarballs, presets: SitePresets): void {
  const file = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  // No "type": "module": Docusaurus's generated client code calls webpack's require.resolveWeak, which a
  // site marked as ESM breaks ("require.resolveWeak is not a function" at build time).
  file(
    "package.json",
    json({
      name: "winenroll-reuse-site",
      private: true,
      dependencies: {
        ...docsVersions(),
        "@winenroll/core": `file:${tarballs.core}`,
        "@winenroll/docusaurus-plugin": `file:${tarballs.plugin}`,
      },
    }),
  );
  // The packed plugin asks for @winenroll/core by version; the override points it at the tarball too, so
  // no copy from the registry sneaks in. pnpm 12 fails the install on unapproved build scripts, and
  // core-js's is only a banner (toolchain notes §4.1).
  file(
    "pnpm-workspace.yaml",
    `allowBuilds:\n  core-js: false\noverrides:\n  "@winenroll/core": ${JSON.stringify(`file:${tarballs.core}`)}\n`,
  );
  file(
    "docusaurus.config.ts",
    `export default {
  title: "Reuse check",
  url: "https://reuse.example.org",
  baseUrl: "/",
  onBrokenLinks: "throw",
  presets: [["classic", { docs: false, blog: false }]],
  plugins: [["@winenroll/docusaurus-plugin", ${json({ defaults: presets.pluginDefaults })}]],
};
`,
  );
  file(
    "src/pages/index.mdx",
    `import EnrollmentLinkBuilder from "@theme/EnrollmentLinkBuilder";

# Connect your PC

<EnrollmentLinkBuilder defaults={${JSON.stringify(presets.pageDefaults)}} />
`,
  );
}
