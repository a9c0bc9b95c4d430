// The staff's agenda lists (a triage queue, or `agendas` under a filter), 25 to a page, growing with
// "more": where each page comes from; the paging itself is the form kit's useKeysetPages.
import { useCallback } from "react";
import { request } from "../../api/client";
import { useKeysetPages } from "../../forms";
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

/** The triage queue or a filtered list, paged by the form kit's one keyset hook (its totalCount too). */
export function useAgendaPages(source: ListSource) {
  const key = JSON.stringify(source);
  const fetch = useCallback((after: string | null, signal?: AbortSignal) => fetchPage(JSON.parse(key) as ListSource, after, signal), [key]);
  const list = useKeysetPages<QueueAgenda>(key, fetch);
  return { ...list, totalCount: list.totalCount ?? 0 };
}
