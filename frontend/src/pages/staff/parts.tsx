// Small pieces shared by the staff screens: an agenda's owner, its history list.
import { actorLabel } from "../../components/actorLabel";
import { useI18n } from "../../i18n";
import type { EventLike, OwnerLike } from "./changes";
import { EventDetail } from "../../components/EventDetail";
import { deptName } from "./deptName";

export function OwnerLabel({ owner }: { owner: OwnerLike }) {
  const { t, locale } = useI18n();
  if (!owner) return <>{t("triage.panel.noOwner")}</>;
  if (owner.kind === "INNOVATION_OFFICER" || !owner.department) return <>{t("common.officer")}</>;
  return <>{deptName(owner.department, locale)}</>;
}

/** One history line's headline: a status change names the statuses, other events their kind. */
export function useEventTitle() {
  const { t, tEnum } = useI18n();
  return (e: EventLike) => {
    if (e.kind === "TRANSITION" && e.toStatus) {
      return e.fromStatus
        ? t("triage.history.transition", { from: tEnum("status", e.fromStatus), to: tEnum("status", e.toStatus) })
        : tEnum("status", e.toStatus);
    }
    return tEnum("eventKind", e.kind);
  };
}

export function HistoryList({ events, label, testId }: { events: EventLike[]; label: string; testId?: string }) {
  const { t, tEnum, dateTime } = useI18n();
  const title = useEventTitle();
  if (!events.length) return <p className="hint">{t("triage.history.none")}</p>;
  return (
    <ol className="timeline" aria-label={label} data-testid={testId}>
      {events.map((e) => (
        <li key={e.id} data-event-kind={e.kind}>
          <strong>{title(e)}</strong>{" "}
          <time className="when" dateTime={e.createdAt}>
            {dateTime(e.createdAt)}
          </time>
          <span className="when">
            {" · "}
            {e.actor ? actorLabel(e.actor.displayName, tEnum("role", e.actor.role)) : t("triage.history.system")}
          </span>
          <EventDetail kind={e.kind} reason={e.reason} data={e.data} />
        </li>
      ))}
    </ol>
  );
}
