import { usePluginData } from "@docusaurus/useGlobalData";
import type { LinkParamName } from "@winenroll/core";

const PLUGIN_NAME = "@winenroll/docusaurus-plugin";

export interface BuilderPresets {
  readonly defaults: Partial<Record<LinkParamName, string>>;
  readonly lockedParams: readonly LinkParamName[];
}

/** The plugin's configured presets, overridden by a component's own props. */
export function useBuilderPresets(props: Partial<BuilderPresets>): BuilderPresets {
  const data = usePluginData(PLUGIN_NAME) as Partial<BuilderPresets> | undefined;
  return {
    defaults: { ...(data?.defaults ?? {}), ...(props.defaults ?? {}) },
    lockedParams: props.lockedParams ?? data?.lockedParams ?? [],
  };
}
