// /research/review/:agendaId: a research-team expert scores an agenda 1–5 on the five stated
// criteria with an opinion (sending it again revises their review). /research/review finds the
// agenda first. City staff see the reviews already given.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { describedBy, errorId, Field, FieldError, FormStatus, useMutationForm } from "../../forms";
import { StatusBadge } from "../../components/StatusBadge";
import type { ReviewAgendaQuery, ReviewScoresInput } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { AgendaPicker } from "./AgendaPicker";
import { ReviewAgendaDocument, ReviewSubmitDocument } from "./documents";
import { WORKSHOP_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { canReview } from "../../auth/roles";
import { CRITERIA, averageScore, scoresFromJson, type Criterion } from "./review";

type Agenda = NonNullable<ReviewAgendaQuery["agenda"]>;

export function ReviewPage() {
  return (
    <RoleGate gate={WORKSHOP_GATE} title="workshop.access.title">{() => <ReviewRouter />}</RoleGate>
  );
}

function ReviewRouter() {
  const { agendaId } = useParams();
  return agendaId ? <ReviewLoader id={agendaId} /> : <ChooseAgenda />;
}

function ChooseAgenda() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <section className="page" aria-labelledby="review-choose-h">
      <h1 id="review-choose-h">{t("review.chooseTitle")}</h1>
      <p className="page-lead">{t("review.chooseLead")}</p>
      <div className="form">
        <AgendaPicker legend={t("review.chooseLegend")} value={null} onChange={(a) => a && navigate(`/research/review/${a.id}`)} />
      </div>
    </section>
  );
}

function ReviewLoader({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useQuery(ReviewAgendaDocument, { id });
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (!state.data) return <Loading />;
  if (!state.data.agenda)
    return (
      <section className="page">
        <h1>{t("state.notFoundAgenda")}</h1>
        <Link to="/research/review">{t("review.chooseTitle")}</Link>
      </section>
    );
  return <ReviewView agenda={state.data.agenda} refetch={state.refetch} />;
}

function ReviewView({ agenda, refetch }: { agenda: Agenda; refetch: () => void }) {
  const { t, tEnum, date, number } = useI18n();
  const { me } = useSession();
  const mine = agenda.reviews.find((r) => r.reviewer?.id === me?.id);
  return (
    <article className="page" aria-labelledby="review-h">
      <p className="meta">
        <Link to="/research/review">
          <span aria-hidden="true">← </span>
          {t("review.chooseAnother")}
        </Link>
      </p>
      <h1 id="review-h">{t("review.title", { title: agenda.title })}</h1>
      <p className="meta">
        <StatusBadge status={agenda.status} />
        <span className="tag">{tEnum("fieldName", agenda.field)}</span>
        <span>{t("review.proposedOn", { date: date(agenda.createdAt) })}</span>
        {agenda.plan && <span>{t("workshop.item.nowProgress", { pct: number(agenda.plan.progress) })}</span>}
        <Link to={`/agendas/${agenda.id}`}>{t("review.openAgenda")}</Link>
      </p>
      <details className="panel">
        <summary>{t("review.agendaBody")}</summary>
        <p className="body-text">{agenda.body}</p>
      </details>

      {canReview(me?.role) ? (
        <ReviewForm agenda={agenda} initial={mine ? { scores: scoresFromJson(mine.scores), opinion: mine.opinion } : undefined} onDone={refetch} />
      ) : (
        <p className="notice">{t("review.onlyResearchers")}</p>
      )}

      <section aria-labelledby="reviews-h" data-testid="reviews">
        <h2 id="reviews-h">{t("review.existing", { count: agenda.reviews.length })}</h2>
        {agenda.reviews.length === 0 ? (
          <Empty>{t("review.none")}</Empty>
        ) : (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t("review.existing", { count: agenda.reviews.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("review.reviewer")}</th>
                  {CRITERIA.map((c) => (
                    <th key={c} scope="col" className="num">
                      {t(`review.criterion.${c}` as MessageKey)}
                    </th>
                  ))}
                  <th scope="col" className="num">{t("review.average")}</th>
                  <th scope="col">{t("review.opinion")}</th>
                </tr>
              </thead>
              <tbody>
                {agenda.reviews.map((r) => {
                  const s = scoresFromJson(r.scores);
                  const avg = averageScore(s);
                  return (
                    <tr key={r.id}>
                      <th scope="row">
                        {r.reviewer?.displayName ?? t("common.none")}
                        <br />
                        <time className="hint" dateTime={r.createdAt}>{date(r.createdAt)}</time>
                      </th>
                      {CRITERIA.map((c) => (
                        <td key={c} className="num">
                          {s[c] ?? "–"}
                        </td>
                      ))}
                      <td className="num">{avg === null ? "–" : number(avg, { maximumFractionDigits: 2 })}</td>
                      <td className="body-text">{r.opinion}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

function ReviewForm({
  agenda,
  initial,
  onDone,
}: {
  agenda: Agenda;
  initial?: { scores: Partial<Record<Criterion, number>>; opinion: string };
  onDone: () => void;
}) {
  const { t } = useI18n();
  const submit = useMutationForm(ReviewSubmitDocument, (r) => r.reviewAgenda);
  const [scores, setScores] = useState<Partial<Record<Criterion, number>>>(initial?.scores ?? {});
  const [opinion, setOpinion] = useState(initial?.opinion ?? "");
  const [saved, setSaved] = useState(false);
  const missing = CRITERIA.filter((c) => !scores[c]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (missing.length) {
      submit.reject([{ field: "scores", code: "SCORES_MISSING", message: t("review.scoreAll") }]);
      return;
    }
    const scoresInput: ReviewScoresInput = {
      innovation: scores.INNOVATION!,
      feasibility: scores.FEASIBILITY!,
      impact: scores.IMPACT!,
      citizenParticipation: scores.CITIZEN_PARTICIPATION!,
      sustainability: scores.SUSTAINABILITY!,
    };
    const result = await submit.run({ input: { agendaId: agenda.id, scores: scoresInput, opinion } });
    if (result.payload?.review) {
      setSaved(true);
      onDone();
    }
  };

  return (
    <section className="panel" aria-labelledby="review-form-h">
      <h2 id="review-form-h">{initial ? t("review.reviseTitle") : t("review.formTitle")}</h2>
      <p className="hint">{t("review.formLead")}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="review-form">
        {saved && (
          <p className="success" role="status">
            {t("review.saved")}
          </p>
        )}
        <FormStatus form={submit} />
        {CRITERIA.map((c) => (
          <fieldset key={c} className="score-group" aria-describedby={describedBy(`crit-${c}-hint`, submit.fieldError("scores") && errorId("review-scores"))}>
            <legend>{t(`review.criterion.${c}` as MessageKey)}</legend>
            <p className="hint" id={`crit-${c}-hint`}>
              {t(`review.criterion.${c}.hint` as MessageKey)}
            </p>
            <div className="score-options">
              {[1, 2, 3, 4, 5].map((v) => (
                <label key={v} className="score-option">
                  <input
                    type="radio"
                    name={`score-${c}`}
                    value={v}
                    checked={scores[c] === v}
                    onChange={() => setScores((s) => ({ ...s, [c]: v }))}
                  />
                  <span>
                    {v}
                    {v === 1 && <span className="hint"> {t("review.scale.low")}</span>}
                    {v === 5 && <span className="hint"> {t("review.scale.high")}</span>}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <FieldError id={errorId("review-scores")} error={submit.fieldError("scores")} />
        <Field id="review-opinion" label={t("review.opinion")} hint={t("review.opinionHint")} error={submit.fieldError("opinion")}>
          {(control) => <textarea {...control} required value={opinion} onChange={(e) => setOpinion(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.running}>
            {submit.running ? t("state.saving") : initial ? t("review.revise") : t("review.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
