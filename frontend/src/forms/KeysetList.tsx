// The one way a keyset-paged list is shown: its error (with a retry), "loading" until the first page
// arrives, its empty text, the rows, and the "더 보기" button — which says "loading" while the next
// page comes, and whose failure keeps the rows shown with a retry of its own.
import type { ReactNode } from "react";
import { Empty, ErrorState, Loading } from "../components/States";
import { useI18n, type MessageKey } from "../i18n";
import type { KeysetPages } from "./useKeysetPages";

/** What the list needs of useKeysetPages (tests hand it plain objects). */
export type KeysetListState<T> = Pick<KeysetPages<T>, "rows" | "loaded" | "error" | "hasNext" | "loadingMore" | "moreError" | "more" | "refetch">;

export function KeysetList<T>({
  list,
  empty,
  moreTestId,
  moreLabel = "common.more",
  onRetry,
  children,
}: {
  list: KeysetListState<T>;
  empty: ReactNode;
  /** The "more" button's test id (browser tests page through with it). */
  moreTestId: string;
  moreLabel?: MessageKey;
  /** Retries the first page (default: the list's own refetch). */
  onRetry?: () => void;
  children: (rows: T[]) => ReactNode;
}) {
  if (list.error) return <ErrorState error={list.error} onRetry={onRetry ?? list.refetch} />;
  if (!list.loaded) return <Loading />;
  if (list.rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {children(list.rows)}
      <MorePager list={list} testId={moreTestId} label={moreLabel} />
    </>
  );
}

/** The "더 보기" button and its failure, for a list shown some other way. */
export function MorePager({
  list,
  testId,
  label = "common.more",
}: {
  list: Pick<KeysetListState<unknown>, "loaded" | "hasNext" | "loadingMore" | "moreError" | "more">;
  testId: string;
  label?: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <>
      {list.moreError && <ErrorState error={list.moreError} onRetry={list.more} />}
      {list.loaded && list.hasNext && (
        <div className="pager">
          <button type="button" className="button secondary" onClick={list.more} disabled={list.loadingMore} data-testid={testId}>
            {list.loadingMore ? t("state.loading") : t(label)}
          </button>
        </div>
      )}
    </>
  );
}
