// The answer deadline as a sentence (agenda page) or a short cell (triage inbox). Overdue is said
// in words, not only in colour, to everyone: the deadline is the programme's public promise.
import { useI18n } from "../i18n";
import { deadlineOf, type DeadlineFacts } from "./deadline";

export function DueDateNotice({ agenda, isProposer }: { agenda: DeadlineFacts; isProposer: boolean }) {
  const { t, date } = useI18n();
  const d = deadlineOf(agenda);
  if (!d) return null;
  if (d.kind === "overdue")
    return (
      <p className="notice overdue-notice" data-testid="deadline" data-deadline="overdue">
        <strong>{t("deadline.overdue")}</strong>
        {d.dueAt && <> · {t("deadline.wasDue", { date: date(d.dueAt) })}</>}
      </p>
    );
  if (d.kind === "paused")
    return (
      <p className="deadline" data-testid="deadline" data-deadline="paused">
        {t(isProposer ? "deadline.pausedProposer" : "deadline.paused", { days: d.daysLeft })}
      </p>
    );
  return (
    <p className="deadline" data-testid="deadline" data-deadline="due">
      {d.daysLeft > 0 ? t("deadline.due", { date: date(d.dueAt), days: d.daysLeft }) : t("deadline.dueToday", { date: date(d.dueAt) })}
    </p>
  );
}

export function DueDateCell({ agenda }: { agenda: DeadlineFacts }) {
  const { t, date, dateTime } = useI18n();
  const d = deadlineOf(agenda);
  if (!d) return <span className="hint">—</span>;
  if (d.kind === "overdue")
    return (
      <>
        {d.dueAt && (
          <time dateTime={d.dueAt} title={dateTime(d.dueAt)}>
            {date(d.dueAt)}
          </time>
        )}
        <span className="badge overdue" data-testid="overdue-badge">
          {t("deadline.overdue")}
        </span>
      </>
    );
  if (d.kind === "paused") return <span className="hint">{t("deadline.stopped", { days: d.daysLeft })}</span>;
  return (
    <>
      <time dateTime={d.dueAt} title={dateTime(d.dueAt)}>
        {date(d.dueAt)}
      </time>
      <span className="hint"> · {d.daysLeft > 0 ? t("deadline.daysLeft", { days: d.daysLeft }) : t("deadline.today")}</span>
    </>
  );
}
