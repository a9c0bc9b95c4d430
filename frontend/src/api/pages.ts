// Lists that grow with "더 보기": a page's edges appended to what is shown, without repeating a
// row that moved between pages while the reader looked (a new notification shifts the pages).
export type PageOf<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
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
