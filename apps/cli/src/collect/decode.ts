/**
 * Text of a file as Windows tools write it: UTF-8 (with or without a byte order mark) or UTF-16
 * with one, as Windows PowerShell 5.1's `>` redirection writes.
 */
export function decodeWindowsText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}
