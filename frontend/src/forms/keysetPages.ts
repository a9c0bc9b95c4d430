// Lists that grow with "더 보기" (keyset paging: each page asks for what comes `after` the last
// page's endCursor). The state is a pure reducer so that what a late or failed page does to what is
// shown can be tested without a browser: a page answered for an earlier filter (or before a refetch)
// is dropped, a failed "more" keeps the rows shown, and a row that slid onto the next page while the
// reader looked (a new notification shifts the pages) is not shown twice.
export type PageOf<T> = {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** Lists that count (the triage queue, "my agendas") say how many there are in all. */
  totalCount?: number;
};
export type Pages<T> = { rows: T[]; hasNext: boolean; endCursor: string | null };

export const NO_PAGES = { rows: [], hasNext: false, endCursor: null } satisfies Pages<never>;

export function appendPage<T extends { id: string }>(shown: Pages<T>, page: PageOf<T>): Pages<T> {
  const seen = new Set(shown.rows.map((r) => r.id));
  return {
    rows: [...shown.rows, ...page.edges.map((e) => e.node).filter((n) => !seen.has(n.id))],
    hasNext: page.pageInfo.hasNextPage,
    endCursor: page.pageInfo.endCursor ?? null,
  };
}

export type KeysetState<T> = Pages<T> & {
  /** Which request the list is showing: the filters' key and how often it was fetched again. */
  token: string;
  loaded: boolean;
  totalCount: number | null;
  error: Error | undefined;
  moreError: Error | undefined;
  loadingMore: boolean;
};

export type KeysetAction<T> =
  | { type: "start"; token: string }
  | { type: "first"; token: string; page: PageOf<T> }
  | { type: "failed"; token: string; error: Error }
  | { type: "moreStart"; token: string }
  | { type: "more"; token: string; page: PageOf<T> }
  | { type: "moreFailed"; token: string; error: Error }
  | { type: "update"; change: (rows: T[]) => T[] };

export function startState<T>(token: string): KeysetState<T> {
  return { ...(NO_PAGES as Pages<T>), token, loaded: false, totalCount: null, error: undefined, moreError: undefined, loadingMore: false };
}

export function keysetReducer<T extends { id: string }>(state: KeysetState<T>, action: KeysetAction<T>): KeysetState<T> {
  if (action.type === "update") return { ...state, rows: action.change(state.rows) };
  if (action.type === "start") return startState(action.token);
  if (action.token !== state.token) return state; // answered for filters (or a fetch) no longer shown
  switch (action.type) {
    case "first":
      return { ...state, ...appendPage(NO_PAGES as Pages<T>, action.page), totalCount: action.page.totalCount ?? null, loaded: true };
    case "failed":
      return { ...state, error: action.error };
    case "moreStart":
      return { ...state, loadingMore: true, moreError: undefined };
    case "more":
      return { ...state, ...appendPage(state, action.page), totalCount: action.page.totalCount ?? state.totalCount, loadingMore: false };
    case "moreFailed":
      return { ...state, moreError: action.error, loadingMore: false };
  }
}
