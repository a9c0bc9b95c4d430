import { useEffect, useRef } from "react";

/** Moves focus to an element when it appears (the conflict box, a form's error summary), so a
 * keyboard or screen-reader user is taken to what just changed. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
