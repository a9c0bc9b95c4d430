// An agenda's official answer as the public sees it: while one is owed, a notice that enough
// citizens backed the agenda to oblige its owner to answer by the deadline; once published, the
// answer itself, set apart from the proposal with who wrote it and when.
import { useI18n } from "../i18n";

export type OfficialAnswerFacts = {
  officialAnswerRequired: boolean;
  answerDueAt?: string | null;
  officialAnswer?: { body: string; answeredAt?: string | null; author?: { displayName: string } | null } | null;
  history: { kind: string; data?: unknown }[];
};

/** The support count that obliged the answer, as the THRESHOLD_REACHED event recorded it. */
export function answerThreshold(history: OfficialAnswerFacts["history"]): number | null {
  for (const e of history) {
    const data = e.data as { action?: string; count?: number } | null | undefined;
    if (e.kind === "THRESHOLD_REACHED" && data?.action === "ANSWER" && typeof data.count === "number") return data.count;
  }
  return null;
}

export function OfficialAnswerOwed({ agenda }: { agenda: OfficialAnswerFacts }) {
  const { t, date } = useI18n();
  if (!agenda.officialAnswerRequired || agenda.officialAnswer) return null;
  const count = answerThreshold(agenda.history);
  return (
    <p className="notice official-owed" data-testid="official-answer-owed">
      <strong>{count != null ? t("official.owed", { count }) : t("official.owedNoCount")}</strong>
      {agenda.answerDueAt && <> · {t("official.due", { date: date(agenda.answerDueAt) })}</>}
    </p>
  );
}

export function OfficialAnswerView({ agenda }: { agenda: OfficialAnswerFacts }) {
  const { t, date, dateTime } = useI18n();
  const answer = agenda.officialAnswer;
  if (!answer) return null;
  const when = answer.answeredAt ? date(answer.answeredAt) : "";
  return (
    <section className="panel official-answer" aria-labelledby="official-answer-h" data-testid="official-answer">
      <h2 id="official-answer-h">{t("official.title")}</h2>
      <p className="hint" data-testid="official-answer-meta">
        {answer.answeredAt ? (
          <time dateTime={answer.answeredAt} title={dateTime(answer.answeredAt)}>
            {answer.author ? t("official.byOn", { name: answer.author.displayName, date: when }) : t("official.byOnNoName", { date: when })}
          </time>
        ) : (
          answer.author?.displayName
        )}
      </p>
      <p className="body-text" data-testid="official-answer-body">
        {answer.body}
      </p>
    </section>
  );
}
