import { useCallback, useEffect, useState } from "react";

/**
 * Reads and writes named values in the page's URL fragment (`#link=…&x=…`). The fragment never leaves
 * the browser, so a page can be shared with its state without sending that state to any server.
 */
export function readFragment(hash: string): URLSearchParams {
  return new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
}

export function writeFragment(values: URLSearchParams): void {
  const text = values.toString();
  const url = `${window.location.pathname}${window.location.search}${text ? `#${text}` : ""}`;
  window.history.replaceState(window.history.state, "", url);
}

/** State mirrored into the fragment under `key`; read once on load, written on every change. */
export function useFragmentValue(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const found = readFragment(window.location.hash).get(key);
    if (found !== null) setValue(found);
  }, [key]);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      const values = readFragment(window.location.hash);
      if (next === "") values.delete(key);
      else values.set(key, next);
      writeFragment(values);
    },
    [key],
  );
  return [value, update];
}
