import { escapeHtml } from "../link/anchor.js";
import { LINK_PARAM_NAMES } from "../link/params.js";
import type { Citation } from "../sources/sources.js";
import { normaliseHeading } from "./columns.js";

export interface MailTemplate {
  /** The placeholders used, in order of first appearance, as written. */
  readonly variables: readonly string[];
  /** True when values are HTML-escaped on the way in. */
  readonly html: boolean;
  /** The placeholders no value can be found for among `available` names. */
  missing(available: readonly string[]): string[];
  /** Fills in the placeholders; one not found in `values` becomes empty. */
  render(values: Readonly<Record<string, string>>): string;
}

/**
 * The names a template can use besides the input's own columns: the row's link, its input line,
 * and each link parameter (the value the link was built from).
 */
export const TEMPLATE_VARIABLES: readonly string[] = ["link", "line", ...LINK_PARAM_NAMES];

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

function lookup(values: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const wanted = normaliseHeading(name);
  for (const key of Object.keys(values)) if (normaliseHeading(key) === wanted) return values[key];
  return undefined;
}

/**
 * Reads a logic-less template: `{{link}}`, `{{username}}` or `{{any column}}` (matched like
 * headings: `{{display_name}}` finds a "Display Name" column). With `html: true` every value is
 * HTML-escaped, so a name like `<b>Ana</b>` shows as text and a link cannot break out of `href`.
 *
 * @example
 * compileTemplate('<a href="{{link}}">Hi {{name}}</a>', { html: true })
 *   .render({ link: "ms-device-enrollment:?mode=mdm&username=a@b.c", name: "<Ana>" });
 * // '<a href="ms-device-enrollment:?mode=mdm&amp;username=a@b.c">Hi &lt;Ana&gt;</a>'
 */
export function compileTemplate(text: string, options: { readonly html: boolean }): MailTemplate {
  const parts = text.split(PLACEHOLDER);
  const variables = [...new Set(parts.filter((_, i) => i % 2 === 1))];
  const escapeValue = options.html ? escapeHtml : (value: string) => value;
  return {
    variables,
    html: options.html,
    missing(available) {
      const known = new Set(available.map(normaliseHeading));
      return variables.filter((v) => !available.includes(v) && !known.has(normaliseHeading(v)));
    },
    render(values) {
      let out = "";
      for (let i = 0; i < parts.length; i++) {
        out += i % 2 === 0 ? parts[i] : escapeValue(lookup(values, parts[i]!) ?? "");
      }
      return out;
    },
  };
}

/**
 * Whether a template file is HTML (and its values must be escaped), judged by its name.
 *
 * @example
 * ```ts
 * isHtmlTemplateName("invite.html"); // true
 * isHtmlTemplateName("invite.txt"); // false
 * ```
 */
export function isHtmlTemplateName(fileName: string): boolean {
  return /\.(html?|xhtml)$/i.test(fileName);
}

/** The facts the welcome mail's advice rests on. */
export const WELCOME_MAIL_SOURCES: readonly Citation[] = [
  {
    doc: "mdm-enrollment-2017",
    section: "deep link: IT admins can add the link to a welcome email",
  },
  {
    doc: "mdm-enrollment-2017",
    section: "note: deep links only work with Internet Explorer or Edge",
  },
  { doc: "wid-pr-369", section: "the link fails when another browser is the default" },
  { doc: "winenroll-field-notes", section: "§6.2 browser and launcher behaviour: the Run dialog" },
];

/**
 * The welcome mail winenroll writes when no template is given: the link as a button, what to do
 * when the button does nothing (open the mail in Edge or Internet Explorer on the PC, or paste the
 * link into the Run dialog), and the plain link. Deep links open only from Internet Explorer or
 * Edge, per Microsoft's enrollment article; the Run dialog route is the one seen in admins' runbooks.
 */
export const DEFAULT_WELCOME_MAIL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Connect your Windows PC to work</title>
</head>
<body style="font-family: 'Segoe UI', Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1b1b1b; max-width: 560px; margin: 0 auto; padding: 24px;">
<h1 style="font-size: 22px; font-weight: 600;">Connect your Windows PC to work</h1>
<p>Hello {{username}},</p>
<p>Your PC needs to be registered with your organisation before it can reach work apps and files. It takes a few minutes. Read this e-mail on the Windows PC you want to connect, then select the button:</p>
<p style="margin: 28px 0;"><a href="{{link}}" style="background: #0067b8; color: #ffffff; padding: 12px 22px; border-radius: 4px; text-decoration: none; font-weight: 600; display: inline-block;">Connect this PC</a></p>
<p>Windows opens its own window for connecting to work, with your account already filled in. Sign in with your work password when asked and follow the steps to the end.</p>
<h2 style="font-size: 17px; font-weight: 600;">If nothing happens</h2>
<ul>
<li>Open this e-mail in Microsoft Edge (or Internet Explorer on an older PC) on Windows and select the button there. Other browsers and some mail apps do not open links of this kind.</li>
<li>Or press the Windows key and R together, paste the link below into the Run box that opens, and press Enter.</li>
</ul>
<p>Your link:</p>
<p style="font-family: Consolas, monospace; font-size: 13px; word-break: break-all; background: #f3f3f3; padding: 8px;">{{link}}</p>
<p style="color: #5e5e5e; font-size: 13px;">This link was made for you alone. Please do not forward it; ask your IT team if it has stopped working.</p>
</body>
</html>
`;
