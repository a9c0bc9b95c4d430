// When supporting an agenda can succeed, mirroring the server: never one's own agenda, and only
// while the agenda is open (being triaged, waiting for information, accepted or in progress). The
// page hides the button the server would refuse and says why instead. Withdrawing a support is
// always allowed, so someone who supported before an agenda closed can still take it back.
import type { AgendaStatus } from "../../gql/graphql";

export const SUPPORTABLE_STATUSES = ["IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS"] as const satisfies readonly AgendaStatus[];

/** The statuses in which an agenda takes no new supports. */
export type ClosedStatus = Exclude<AgendaStatus, (typeof SUPPORTABLE_STATUSES)[number]>;

/** Why the viewer may not support: their own agenda, or the agenda's status; null when they may. */
export type SupportRefusal = "OWN" | ClosedStatus | null;

const isSupportable = (status: AgendaStatus): boolean => (SUPPORTABLE_STATUSES as readonly AgendaStatus[]).includes(status);

export function supportRefusal(agenda: { status: AgendaStatus; proposer?: { id: string } | null }, viewerId: string): SupportRefusal {
  if (agenda.proposer?.id === viewerId) return "OWN";
  return isSupportable(agenda.status) ? null : (agenda.status as ClosedStatus);
}
