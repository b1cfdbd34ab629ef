// Issue 6: every exported function of core is documented by a TSDoc comment with an example, because the API
// reference on the docs site is generated from these comments. The entry points are read from the exports map,
// so a new subpath is checked as soon as it ships.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, "utf8")) as {
  exports: Record<string, string | { default?: string }>;
};

/** `./dist/node/index.js` → `<package>/src/node/index.ts`. */
const entrySources = Object.values(manifest.exports)
  .map((target) => (typeof target === "string" ? target : target.default))
  .filter((target): target is string => target?.startsWith("./dist/") === true)
  .map(
    (target) => `${packageDir}/${target.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")}`,
  );

const program = ts.createProgram(entrySources, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

interface ExportedFunction {
  readonly name: string;
  readonly documented: boolean;
  readonly hasExample: boolean;
}

/** A function declaration, or a constant holding a function (`export const f = () => …`). */
function isCallable(symbol: ts.Symbol): boolean {
  if (symbol.flags & ts.SymbolFlags.Function) return true;
  if (!(symbol.flags & ts.SymbolFlags.Variable) || !symbol.valueDeclaration) return false;
  return (
    checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration).getCallSignatures().length >
    0
  );
}

function exportedFunctions(entry: string): ExportedFunction[] {
  const file = program.getSourceFile(entry);
  if (!file) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error(`${entry} has no exports`);
  return checker.getExportsOfModule(moduleSymbol).flatMap((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!isCallable(symbol)) return [];
    const tags = symbol.getJsDocTags(checker);
    return [
      {
        name: exported.name,
        documented: symbol.getDocumentationComment(checker).length > 0,
        hasExample: tags.some((tag) => tag.name === "example"),
      },
    ];
  });
}

describe("core's public API documentation", () => {
  it("finds the entry points of the exports map", () => {
    expect(entrySources.some((source) => source.endsWith("/src/index.ts"))).toBe(true);
  });

  for (const entry of entrySources) {
    const label = entry.slice(packageDir.length);
    const functions = exportedFunctions(entry);

    it(`${label} exports functions`, () => {
      expect(functions.length).toBeGreaterThan(0);
    });

    it(`${label}: every exported function has a TSDoc comment`, () => {
      expect(functions.filter((f) => !f.documented).map((f) => f.name)).toEqual([]);
    });

    it(`${label}: every exported function's comment has an @example`, () => {
      expect(functions.filter((f) => !f.hasExample).map((f) => f.name)).toEqual([]);
    });
  }
});
