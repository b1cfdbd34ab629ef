/**
 * Percent-encoding for deep-link values.
 *
 * `readable` leaves every character that cannot end or split a query value as it is, so
 * `someone@example.com` and `https://mdm.example.com/x` stay legible as in Microsoft's own examples.
 * `strict` encodes everything but RFC 3986's unreserved characters.
 */
export type LinkEncoding = "readable" | "strict";

// RFC 3986 §2.3 unreserved characters, plus (readable only) the query characters of §3.4 that do
// not separate parameters: sub-delims other than `&` and `+` (and other than the quote and semicolon,
// which paste tools strip from the end of a link), and `:` `@` `/` `?` `=`.
const UNRESERVED_CHARS = "A-Za-z0-9\\-._~";
const READABLE_EXTRA_CHARS = "!$()*,=:@/?";
const UNRESERVED = new RegExp(`[${UNRESERVED_CHARS}]`);
const READABLE_EXTRA = new RegExp(`[${READABLE_EXTRA_CHARS}]`);
// Whole values that need no escape at all (most of them) are returned as they are, without the loop.
const ALL_UNRESERVED = new RegExp(`^[${UNRESERVED_CHARS}]*$`);
const ALL_READABLE = new RegExp(`^[${UNRESERVED_CHARS}${READABLE_EXTRA_CHARS}]*$`);

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
const utf8 = new TextEncoder();

/**
 * Percent-encodes one deep-link value. `readable` (the default) keeps e-mail addresses and URLs legible;
 * `strict` escapes everything but RFC 3986's unreserved characters.
 *
 * @example
 * ```ts
 * encodeLinkValue("someone@example.com"); // "someone@example.com"
 * encodeLinkValue("a&b c"); // "a%26b%20c"
 * encodeLinkValue("someone@example.com", "strict"); // "someone%40example.com"
 * ```
 */
export function encodeLinkValue(value: string, encoding: LinkEncoding = "readable"): string {
  if ((encoding === "readable" ? ALL_READABLE : ALL_UNRESERVED).test(value)) return value;
  let out = "";
  for (const char of value) {
    if (UNRESERVED.test(char) || (encoding === "readable" && READABLE_EXTRA.test(char))) {
      out += char;
    } else {
      for (const byte of utf8.encode(char)) out += hex(byte);
    }
  }
  return out;
}

/**
 * Decodes percent-escapes. A `+` stays a `+`: Windows hands the link on as it is, so reading `+` as a
 * space would be a guess. Returns undefined when an escape is malformed.
 *
 * @example
 * ```ts
 * decodeLinkValue("a%26b%20c"); // "a&b c"
 * decodeLinkValue("a+b"); // "a+b"
 * decodeLinkValue("%E0%A4%A"); // undefined
 * ```
 */
export function decodeLinkValue(raw: string): string | undefined {
  // Most values carry no escape at all; skip the decoder (and its try) for them.
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
