/**
 * jose, loaded on first use: signing is rare next to the rest of core, and loading the library up
 * front costs every CLI command about 35 ms (bench/cli-start.mjs).
 */
let loading: Promise<typeof import("jose")> | undefined;

export function loadJose(): Promise<typeof import("jose")> {
  loading ??= import("jose");
  return loading;
}
