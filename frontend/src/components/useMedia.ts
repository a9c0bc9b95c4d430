// Whether a CSS media query matches, following changes (a phone turned sideways). Used where a phone
// needs different markup, not only different styles: the triage inbox's cards instead of a table.
import { useEffect, useState } from "react";

export function useMedia(query: string): boolean {
  const get = () => typeof window !== "undefined" && !!window.matchMedia && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (!window.matchMedia) return;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

/** Phones: the width below which tables become cards. */
export const PHONE = "(max-width: 40rem)";
