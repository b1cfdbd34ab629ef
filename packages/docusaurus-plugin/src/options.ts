import type { OptionValidationContext } from "@docusaurus/types";
import { Joi } from "@docusaurus/utils-validation";
import { LINK_PARAM_NAMES, type LinkParamName } from "@winenroll/core";

/** Options of the winenroll Docusaurus plugin. */
export interface PluginOptions {
  /** Preset values for the link builder, e.g. the organisation's `servername`. */
  readonly defaults: Partial<Record<LinkParamName, string>>;
  /** Parameters the reader may not change; they keep their value from `defaults`. */
  readonly lockedParams: readonly LinkParamName[];
}

export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS: PluginOptions = { defaults: {}, lockedParams: [] };

const paramName = Joi.string().valid(...LINK_PARAM_NAMES);

export const optionsSchema = Joi.object<PluginOptions>({
  defaults: Joi.object(
    Object.fromEntries(LINK_PARAM_NAMES.map((name) => [name, Joi.string().allow("")])),
  )
    .unknown(false)
    .default(DEFAULT_OPTIONS.defaults),
  lockedParams: Joi.array()
    .items(paramName)
    .unique()
    .default(DEFAULT_OPTIONS.lockedParams)
    .custom((locked: LinkParamName[], helpers) => {
      const defaults = (helpers.state.ancestors[0] as PluginOptions).defaults ?? {};
      const missing = locked.filter((name) => defaults[name] === undefined);
      if (missing.length > 0) {
        return helpers.message({
          custom: `lockedParams ${missing.join(", ")} need a value in defaults: a locked field shows its default.`,
        });
      }
      return locked;
    }),
});

export function validateOptions({
  validate,
  options,
}: OptionValidationContext<Options | undefined, PluginOptions>): PluginOptions {
  return validate(optionsSchema, options ?? {});
}
