// Shown when a decision lost a race: the decision was NOT saved; here is what the other person
// changed (status, owner, text, reason, new history lines, who and when), and the panel below now
// shows the fresh version, on which the official may decide again.
import { useI18n } from "../../i18n";
import type { AgendaChanges } from "./changes";
import { hasVisibleChanges, triageDecisionsFor, nextExecutionStatus, REROUTABLE_STATUSES } from "./changes";
import { HistoryList, OwnerLabel } from "./parts";
import { useFocusOnMount } from "../../components/useFocusOnMount";
import type { Action } from "./versionedSubmit";

export function ConflictBox({
  changes,
  attempted,
  fresh,
  onDismiss,
}: {
  changes: AgendaChanges;
  attempted: Action;
  fresh: { status: string; viewerCanTriage: boolean };
  onDismiss: () => void;
}) {
  const { t, tEnum, dateTime } = useI18n();
  const ref = useFocusOnMount<HTMLDivElement>();
  const who = changes.lastActor
    ? `${changes.lastActor.displayName} (${tEnum("role", changes.lastActor.role)})`
    : t("triage.conflict.someone");
  const stillOpen =
    fresh.viewerCanTriage &&
    (triageDecisionsFor(fresh.status).length > 0 ||
      nextExecutionStatus(fresh.status) !== null ||
      REROUTABLE_STATUSES.includes(fresh.status));

  return (
    <div
      className="conflict"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="version-conflict"
      aria-labelledby="conflict-h"
    >
      <h2 id="conflict-h">{t("triage.conflict.title")}</h2>
      <p>
        {t("triage.conflict.notSaved", { action: t(`triage.action.${attempted}`) })}{" "}
        {t("triage.conflict.changedBy", { who, when: dateTime(changes.lastAt) })}{" "}
        <span className="hint">
          {t("triage.conflict.versions", { from: changes.fromVersion, to: changes.toVersion })}
        </span>
      </p>
      {hasVisibleChanges(changes) ? (
        <>
          <h3>{t("triage.conflict.whatChanged")}</h3>
          <ul className="change-list" data-testid="conflict-changes">
            {changes.status && (
              <li data-change="status">
                <strong>{t("triage.conflict.status")}</strong> {tEnum("status", changes.status.from)} →{" "}
                {tEnum("status", changes.status.to)}
              </li>
            )}
            {changes.owner && (
              <li data-change="owner">
                <strong>{t("triage.conflict.owner")}</strong> <OwnerLabel owner={changes.owner.from} /> →{" "}
                <OwnerLabel owner={changes.owner.to} />
              </li>
            )}
            {changes.title && (
              <li data-change="title">
                <strong>{t("triage.conflict.titleChanged")}</strong> <del>{changes.title.from}</del> →{" "}
                <ins>{changes.title.to}</ins>
              </li>
            )}
            {changes.body && (
              <li data-change="body">
                <strong>{t("triage.conflict.bodyChanged")}</strong>
                <details>
                  <summary>{t("triage.conflict.showBody")}</summary>
                  <div className="body-compare">
                    <div>
                      <h4>{t("triage.conflict.before")}</h4>
                      <p className="body-text">{changes.body.from}</p>
                    </div>
                    <div>
                      <h4>{t("triage.conflict.after")}</h4>
                      <p className="body-text">{changes.body.to}</p>
                    </div>
                  </div>
                </details>
              </li>
            )}
            {changes.statusReason && changes.statusReason.to && (
              <li data-change="reason">
                <strong>{t("triage.conflict.reason")}</strong> {changes.statusReason.to}
              </li>
            )}
            {changes.mergedInto && (
              <li data-change="merged">
                <strong>{t("triage.conflict.mergedInto")}</strong> {changes.mergedInto.title}
              </li>
            )}
          </ul>
          {changes.newEvents.length > 0 && (
            <>
              <h3>{t("triage.conflict.newEvents")}</h3>
              <HistoryList events={changes.newEvents} label={t("triage.conflict.newEvents")} testId="conflict-events" />
            </>
          )}
        </>
      ) : (
        <p>{t("triage.conflict.nothingVisible")}</p>
      )}
      <p>
        <strong>{stillOpen ? t("triage.conflict.decideAgain") : t("triage.conflict.closed")}</strong>
      </p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onDismiss} data-testid="conflict-dismiss">
          {t("triage.conflict.dismiss")}
        </button>
      </div>
    </div>
  );
}
