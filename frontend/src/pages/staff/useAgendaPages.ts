// A keyset-paginated agenda list that grows with "more" (`after` = the last page's endCursor): the
// first page loads whenever the source changes, later pages are appended. Each failure is kept
// apart (the first page's error replaces the list; a failed "more" keeps what is shown).
import { useCallback, useEffect, useRef, useState } from "react";
import { request } from "../../api/client";
import type { AgendaFilterInput, TriageQueueQuery } from "../../gql/graphql";
import { StaffAgendaListDocument, TriageQueueDocument } from "./documents";

export type QueueConnection = TriageQueueQuery["triageQueue"];
export type QueueAgenda = QueueConnection["edges"][number]["node"];

/** Where a list comes from: the triage queue (officer's when code is null; only the overdue ones, or
 * every department's, when asked) or a filtered `agendas`. */
export type ListSource =
  | { kind: "queue"; departmentCode: string | null; overdueOnly?: boolean; allDepartments?: boolean }
  | { kind: "filter"; filter: AgendaFilterInput };

export const PAGE_SIZE = 25;

async function fetchPage(source: ListSource, after: string | null, signal?: AbortSignal): Promise<QueueConnection> {
  if (source.kind === "queue") {
    const { departmentCode, overdueOnly = false, allDepartments = false } = source;
    const r = await request(TriageQueueDocument, { departmentCode, overdueOnly, allDepartments, first: PAGE_SIZE, after }, { signal });
    return r.triageQueue;
  }
  const r = await request(StaffAgendaListDocument, { filter: source.filter, first: PAGE_SIZE, after }, { signal });
  return r.agendas;
}

type State = {
  rows: QueueAgenda[];
  totalCount: number;
  hasNext: boolean;
  endCursor: string | null;
  loaded: boolean;
};

const EMPTY: State = { rows: [], totalCount: 0, hasNext: false, endCursor: null, loaded: false };

export function useAgendaPages(source: ListSource) {
  const key = JSON.stringify(source);
  const [state, setState] = useState<State>(EMPTY);
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [moreError, setMoreError] = useState<Error>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const current = useRef(key);
  current.current = key;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    setMoreError(undefined);
    setState(EMPTY);
    fetchPage(JSON.parse(key) as ListSource, null, controller.signal)
      .then((c) => {
        setState({
          rows: c.edges.map((e) => e.node),
          totalCount: c.totalCount,
          hasNext: c.pageInfo.hasNextPage,
          endCursor: c.pageInfo.endCursor,
          loaded: true,
        });
        setLoading(false);
      })
      .catch((err: Error) => {
        if (err.name === "AbortError") return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick]);

  const more = useCallback(async () => {
    const requested = key;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const c = await fetchPage(JSON.parse(key) as ListSource, state.endCursor);
      if (current.current !== requested) return;
      setState((s) => {
        const seen = new Set(s.rows.map((r) => r.id));
        return {
          rows: [...s.rows, ...c.edges.map((e) => e.node).filter((n) => !seen.has(n.id))],
          totalCount: c.totalCount,
          hasNext: c.pageInfo.hasNextPage,
          endCursor: c.pageInfo.endCursor,
          loaded: true,
        };
      });
    } catch (err) {
      if (current.current === requested) setMoreError(err as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [key, state.endCursor]);

  const refetch = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, error, loading, more, loadingMore, moreError, refetch };
}
