import { createRequire } from "node:module";

// Read at run time so the version is the one in the package that is installed.
const require = createRequire(import.meta.url);
export const VERSION: string = (require("../package.json") as { version: string }).version;
