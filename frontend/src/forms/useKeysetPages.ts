// The one keyset-paged list hook: the first page loads whenever `key` (the filters) changes, later
// pages are appended on request (`more`), and the state's rules live in keysetReducer. Pages pair it
// with <KeysetList> for their loading, empty, error and "더 보기" states.
import { useCallback, useEffect, useReducer, useRef } from "react";
import { keysetReducer, startState, type KeysetState, type PageOf } from "./keysetPages";

export type KeysetPages<T> = KeysetState<T> & {
  /** Appends the next page (a failure keeps the rows shown and offers a retry). */
  more: () => Promise<void>;
  /** Fetches the first page again (the retry button, or after a change the server made). */
  refetch: () => void;
  /** Changes rows in place (marked read, unfollowed, edited) without asking the server again. */
  update: (change: (rows: T[]) => T[]) => void;
};

export function useKeysetPages<T extends { id: string }>(
  key: string,
  fetchPage: (after: string | null, signal?: AbortSignal) => Promise<PageOf<T>>,
): KeysetPages<T> {
  const [tick, setTick] = useReducer((n: number) => n + 1, 0);
  const token = `${tick}|${key}`;
  const [state, dispatch] = useReducer(keysetReducer<T>, token, startState<T>);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: "start", token });
    fetchRef
      .current(null, controller.signal)
      .then((page) => {
        if (!controller.signal.aborted) dispatch({ type: "first", token, page });
      })
      .catch((err: Error) => {
        if (controller.signal.aborted || err.name === "AbortError") return;
        dispatch({ type: "failed", token, error: err });
      });
    return () => controller.abort();
  }, [token]);

  const { endCursor } = state;
  const more = useCallback(async () => {
    dispatch({ type: "moreStart", token });
    try {
      dispatch({ type: "more", token, page: await fetchRef.current(endCursor) });
    } catch (err) {
      dispatch({ type: "moreFailed", token, error: err as Error });
    }
  }, [token, endCursor]);

  const update = useCallback((change: (rows: T[]) => T[]) => dispatch({ type: "update", change }), []);
  // Between new filters and the effect that fetches for them, show "loading", never the old rows.
  const shown = state.token === token ? state : startState<T>(token);
  return { ...shown, more, refetch: setTick, update };
}
