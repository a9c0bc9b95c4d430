// What changed between the version of an agenda an official decided on and the one the server now
// has (after a VERSION_CONFLICT): the facts a person needs to decide again, as plain data.

export type OwnerLike = { kind: string; department?: { code: string; name: string; nameEn: string } | null } | null | undefined;

export type EventLike = {
  id: string;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: unknown;
  createdAt: string;
  actor?: { displayName: string; role: string } | null;
};

export type SnapshotLike = {
  version: number;
  status: string;
  title: string;
  body: string;
  statusReason?: string | null;
  updatedAt: string;
  owner?: OwnerLike;
  mergedInto?: { id: string; title: string } | null;
  history: EventLike[];
};

export type AgendaChanges = {
  fromVersion: number;
  toVersion: number;
  status?: { from: string; to: string };
  owner?: { from: OwnerLike; to: OwnerLike };
  title?: { from: string; to: string };
  body?: { from: string; to: string };
  statusReason?: { from: string | null; to: string | null };
  mergedInto?: { id: string; title: string };
  /** History events the official had not seen, oldest first. */
  newEvents: EventLike[];
  /** Who made the latest change and when (the newest unseen event; else the agenda's updatedAt). */
  lastActor: EventLike["actor"] | null;
  lastAt: string;
};

export function ownerKey(owner: OwnerLike): string {
  if (!owner) return "";
  return owner.kind === "DEPARTMENT" ? `DEPARTMENT:${owner.department?.code ?? ""}` : owner.kind;
}

export function describeChanges(seen: SnapshotLike, fresh: SnapshotLike): AgendaChanges {
  const seenIds = new Set(seen.history.map((e) => e.id));
  const newEvents = fresh.history.filter((e) => !seenIds.has(e.id));
  const last = newEvents.length ? newEvents[newEvents.length - 1] : undefined;
  const changes: AgendaChanges = {
    fromVersion: seen.version,
    toVersion: fresh.version,
    newEvents,
    lastActor: last?.actor ?? null,
    lastAt: last?.createdAt ?? fresh.updatedAt,
  };
  if (seen.status !== fresh.status) changes.status = { from: seen.status, to: fresh.status };
  if (ownerKey(seen.owner) !== ownerKey(fresh.owner)) changes.owner = { from: seen.owner, to: fresh.owner };
  if (seen.title !== fresh.title) changes.title = { from: seen.title, to: fresh.title };
  if (seen.body !== fresh.body) changes.body = { from: seen.body, to: fresh.body };
  const r0 = seen.statusReason ?? null;
  const r1 = fresh.statusReason ?? null;
  if (r0 !== r1) changes.statusReason = { from: r0, to: r1 };
  if (fresh.mergedInto && fresh.mergedInto.id !== seen.mergedInto?.id) changes.mergedInto = fresh.mergedInto;
  return changes;
}

/** Whether anything a person would notice changed (a bare version bump is still reported). */
export function hasVisibleChanges(c: AgendaChanges): boolean {
  return !!(c.status || c.owner || c.title || c.body || c.statusReason || c.mergedInto || c.newEvents.length);
}

/** The decisions open to the owner in a status (the lifecycle table, server/agendas/lifecycle.py). */
export function triageDecisionsFor(status: string): ("ACCEPT" | "REJECT" | "NEEDS_INFO" | "MERGE")[] {
  if (status === "IN_TRIAGE") return ["ACCEPT", "REJECT", "NEEDS_INFO", "MERGE"];
  if (status === "NEEDS_INFO") return ["REJECT", "MERGE"];
  return [];
}

export const REROUTABLE_STATUSES = ["IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS"];
export const MERGE_TARGET_STATUSES = ["IN_TRIAGE", "NEEDS_INFO", "ACCEPTED", "IN_PROGRESS", "COMPLETED"];
export const PLANNABLE_STATUSES = ["ACCEPTED", "IN_PROGRESS", "COMPLETED"];

/** The next step of an accepted agenda, if any. */
export function nextExecutionStatus(status: string): "IN_PROGRESS" | "COMPLETED" | null {
  if (status === "ACCEPTED") return "IN_PROGRESS";
  if (status === "IN_PROGRESS") return "COMPLETED";
  return null;
}
