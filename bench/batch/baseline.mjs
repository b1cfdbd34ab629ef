// The baseline: read the same CSV with csv-parse and write it back with csv-stringify, nothing
// else. Usage: node baseline.mjs IN OUT
import { createReadStream, createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { pipeline } from "node:stream/promises";

// The very copies of the libraries the CLI uses.
const require = createRequire(new URL("../../apps/cli/package.json", import.meta.url));
const { parse } = require("csv-parse");
const { stringify } = require("csv-stringify");

const [input, output] = process.argv.slice(2);
await pipeline(
  createReadStream(input),
  parse({ bom: true, relax_column_count: true }),
  stringify(),
  createWriteStream(output),
);
