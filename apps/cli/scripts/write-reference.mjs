// Regenerates the docs site's CLI reference page from the built CLI's command definitions.
import { writeFileSync } from "node:fs";
import { silentIO } from "../dist/io.js";
import { createProgram } from "../dist/program.js";
import { renderCliReference } from "../dist/reference.js";

const target = new URL("../../docs/docs/cli.md", import.meta.url);
const { program } = createProgram(silentIO());
writeFileSync(target, renderCliReference(program));
console.error(`wrote ${target.pathname}`);
