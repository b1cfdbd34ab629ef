export { copyText, opensDeepLinks } from "./browser.js";
export { readFragment, useFragmentValue, writeFragment } from "./fragment.js";
export { type BuilderPresets, useBuilderPresets } from "./options.js";
