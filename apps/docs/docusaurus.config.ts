import type * as Preset from "@docusaurus/preset-classic";
import type { Config } from "@docusaurus/types";
import { themes as prismThemes } from "prism-react-renderer";

// The site can be published anywhere: set WINENROLL_DOCS_URL and WINENROLL_DOCS_BASE_URL at build time.
const url = process.env.WINENROLL_DOCS_URL ?? "https://winenroll.example.org";
const baseUrl = process.env.WINENROLL_DOCS_BASE_URL ?? "/";

const config: Config = {
  title: "winenroll",
  tagline: "Put Windows devices under management, and know why when it fails.",
  url,
  baseUrl,
  // Without one, browsers ask for /favicon.ico at the host's root, outside a non-root baseUrl.
  favicon: "img/favicon.svg",
  onBrokenLinks: "throw",
  onBrokenAnchors: "throw",
  trailingSlash: false,
  markdown: { mermaid: true, hooks: { onBrokenMarkdownLinks: "throw" } },
  themes: [
    "@docusaurus/theme-mermaid",
    // Full-text search built at build time and run in the browser: no service, works offline.
    [
      "@easyops-cn/docusaurus-search-local",
      {
        hashed: true,
        language: ["en"],
        docsRouteBasePath: "docs",
        indexPages: true,
        // Its single-key shortcut stole focus from the tools: typing "m" in a form jumped to the search box.
        searchBarShortcut: false,
      },
    ],
  ],
  i18n: { defaultLocale: "en", locales: ["en"] },
  presets: [
    [
      "classic",
      {
        docs: { routeBasePath: "docs", sidebarPath: "./sidebars.ts" },
        blog: false,
        theme: { customCss: "./src/css/custom.css" },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    "@winenroll/docusaurus-plugin",
    // The API reference of @winenroll/core, generated from its types and TSDoc into docs/api/ on every build.
    [
      "docusaurus-plugin-typedoc",
      {
        id: "api",
        // One module page per entry point of core's exports map.
        entryPoints: [
          "../../packages/core/src/index.ts",
          "../../packages/core/src/batch/index.ts",
          "../../packages/core/src/discovery/index.ts",
          "../../packages/core/src/enrollment/index.ts",
          "../../packages/core/src/management/index.ts",
          "../../packages/core/src/device/mdm-report.ts",
          "../../packages/core/src/tokens/index.ts",
          "../../packages/core/src/node/index.ts",
        ],
        tsconfig: "../../packages/core/tsconfig.json",
        out: "docs/api",
        readme: "none",
        sanitizeComments: true,
        excludePrivate: true,
        excludeInternal: true,
        sidebar: { pretty: true },
      },
    ],
    // theme-mermaid imports the optional ELK layout when present; this site does not use it.
    () => ({
      name: "without-mermaid-elk",
      configureWebpack: () => ({ resolve: { alias: { "@mermaid-js/layout-elk": false } } }),
    }),
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: "winenroll",
      items: [
        { type: "docSidebar", sidebarId: "docs", position: "left", label: "Docs" },
        {
          type: "dropdown",
          label: "Tools",
          position: "left",
          items: [
            { to: "/tools/link-builder", label: "Link builder" },
            { to: "/tools/link-inspector", label: "Link inspector" },
            { to: "/tools/enrollment-checker", label: "Enrollment checker" },
            { to: "/tools/error-lookup", label: "Error lookup" },
            { to: "/tools/provisioning-inspector", label: "Provisioning inspector" },
            { to: "/tools/syncml-inspector", label: "SyncML inspector" },
          ],
        },
      ],
    },
    footer: {
      style: "dark",
      copyright:
        "winenroll is MIT-licensed. Windows, Microsoft Entra and Intune are trademarks of Microsoft.",
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ["powershell", "bash"],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
