// A department's keyword suggestions on the admin screen: words that recur in agendas staff rerouted
// to it ("침수 — seen in 4 rerouted agendas"), each added to its keywords with one action. The
// server stops suggesting a word once the department's keywords hold its concept, so an accepted
// suggestion leaves the list when it is fetched again.
import { useId, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { Async, Empty } from "../../components/States";
import { FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import { deptName } from "./deptName";
import { AcceptKeywordSuggestionDocument, KeywordSuggestionsDocument } from "./thesaurusDocuments";

type Dept = { code: string; name: string; nameEn: string };

export function KeywordSuggestions({ department, onAccepted }: { department: Dept; onAccepted: (msg: string) => void }) {
  const { t, locale } = useI18n();
  const uid = useId();
  const suggestions = useQuery(KeywordSuggestionsDocument, { departmentCode: department.code });
  const accept = useMutationForm(AcceptKeywordSuggestionDocument, (r) => r.acceptKeywordSuggestion);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (term: string) => {
    setBusy(term);
    const result = await accept.run({ input: { departmentCode: department.code, term } });
    setBusy(null);
    if (!result.failure && !result.errors.length && result.payload?.department) {
      onAccepted(t("admin.suggestionAccepted", { term, name: deptName(department, locale) }));
    }
    suggestions.refetch();
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-h`} data-testid={`suggestions-${department.code}`}>
      <h3 id={`${uid}-h`}>{t("admin.suggestions")}</h3>
      <p className="hint">{t("admin.suggestionsLead")}</p>
      <FormStatus form={accept} />
      <Async state={suggestions}>
        {(data) =>
          data.keywordSuggestions.length === 0 ? (
            <Empty>{t("admin.suggestionsNone")}</Empty>
          ) : (
            <ul className="suggestion-list">
              {data.keywordSuggestions.map((s) => (
                <li key={s.term} data-term={s.term}>
                  <strong>{s.term}</strong> <span className="hint">({s.concept})</span> — {t("admin.suggestionSeen", { count: s.count })}
                  {": "}
                  <span className="visually-hidden">{t("admin.suggestionAgendas")} </span>
                  {s.agendaIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ", "}
                      <Link to={`/agendas/${id}`}>#{id}</Link>
                    </span>
                  ))}{" "}
                  <button type="button" className="button secondary" disabled={busy !== null} onClick={() => void run(s.term)}>
                    {busy === s.term ? t("state.saving") : t("admin.suggestionAccept")}
                    <span className="visually-hidden"> {s.term}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
