/**
 * Deep links open only from Internet Explorer or Microsoft Edge on Windows (MDM enrollment of
 * Windows devices, 2017, "Connecting to MDM using a deep link"; windows-itpro-docs PR #369).
 */
export function opensDeepLinks(userAgent: string): boolean {
  const windows = /Windows NT/i.test(userAgent);
  const edgeOrIE = /\bEdg(e|A|iOS)?\//.test(userAgent) || /Trident\//.test(userAgent);
  return windows && edgeOrIE;
}

/** Copies text to the clipboard; resolves false where the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
