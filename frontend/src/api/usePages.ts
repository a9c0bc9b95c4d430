// A cursor-paginated list that loads its first page whenever its key changes and appends later
// pages on request; a failed "more" keeps what is shown.
import { useCallback, useEffect, useRef, useState } from "react";
import { appendPage, NO_PAGES, type PageOf, type Pages } from "./pages";

export function usePages<T extends { id: string }>(
  key: string,
  fetchPage: (after: string | null, signal?: AbortSignal) => Promise<PageOf<T>>,
) {
  const [pages, setPages] = useState<Pages<T>>(NO_PAGES);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<Error>();
  const [moreError, setMoreError] = useState<Error>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const current = useRef(key);
  current.current = key;

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(false);
    setError(undefined);
    setMoreError(undefined);
    fetchRef
      .current(null, controller.signal)
      .then((page) => {
        setPages(appendPage(NO_PAGES as Pages<T>, page));
        setLoaded(true);
      })
      .catch((err: Error) => {
        if (controller.signal.aborted || err.name === "AbortError") return;
        setError(err);
      });
    return () => controller.abort();
  }, [key, tick]);

  const more = useCallback(async () => {
    const requested = key;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchRef.current(pages.endCursor);
      if (current.current === requested) setPages((shown) => appendPage(shown, page));
    } catch (err) {
      if (current.current === requested) setMoreError(err as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [key, pages.endCursor]);

  const refetch = useCallback(() => setTick((n) => n + 1), []);
  /** Changes rows in place (marked read, unfollowed) without asking the server again. */
  const update = useCallback((change: (rows: T[]) => T[]) => setPages((p) => ({ ...p, rows: change(p.rows) })), []);
  return { ...pages, loaded, error, more, loadingMore, moreError, refetch, update };
}
