// What "mark read" does to the rows already shown, so the page need not reload to show it.

/** Marks the rows with the given ids read (all rows when ids is null), keeping earlier read times. */
export function markRead<T extends { id: string; readAt?: string | null }>(rows: T[], ids: string[] | null, at: string): T[] {
  const chosen = ids ? new Set(ids) : null;
  return rows.map((r) => (r.readAt || (chosen && !chosen.has(r.id)) ? r : { ...r, readAt: at }));
}
