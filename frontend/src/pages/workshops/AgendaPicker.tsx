// Choosing an agenda by searching for it (workshop items, reviews, published cases): a search box
// and the hits as radio buttons, so it works from the keyboard and reads as one group.
import { useId, useState, type KeyboardEvent } from "react";
import { useQuery } from "../../api/hooks";
import type { SearchFilterInput } from "../../gql/graphql";
import { Empty, ErrorState, Loading } from "../../components/States";
import { errorId, FieldError } from "../../forms";
import { StatusBadge } from "../../components/StatusBadge";
import { useI18n } from "../../i18n";
import { WorkshopAgendaSearchDocument } from "./documents";

export type PickedAgenda = { id: string; title: string };

export function AgendaPicker({
  legend,
  value,
  onChange,
  filter,
  error,
}: {
  legend: string;
  value: PickedAgenda | null;
  onChange: (agenda: PickedAgenda | null) => void;
  filter?: SearchFilterInput;
  error?: string;
}) {
  const { t, tEnum } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const state = useQuery(WorkshopAgendaSearchDocument, { query: query ?? "", filter: filter ?? null, first: 8 }, { skip: query === null });
  const hits = state.data?.search.hits ?? [];

  const search = () => setQuery(draft.trim());
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault(); // search, don't submit the surrounding form
      search();
    }
  };

  return (
    <fieldset className="agenda-picker" aria-invalid={!!error || undefined} aria-describedby={error ? errorId(id) : undefined}>
      <legend>{legend}</legend>
      {value && (
        <p className="picked" data-testid="picked-agenda">
          {t("workshop.picker.chosen")} <strong>{value.title}</strong> (#{value.id}){" "}
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            {t("workshop.picker.clear")}
          </button>
        </p>
      )}
      <div className="search-bar">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t("workshop.picker.searchLabel")}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={draft}
          placeholder={t("workshop.picker.searchPlaceholder")}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" className="button secondary" onClick={search}>
          {t("workshop.picker.search")}
        </button>
      </div>
      <FieldError id={errorId(id)} error={error} />
      {query !== null &&
        (state.error ? (
          <ErrorState error={state.error} onRetry={state.refetch} />
        ) : state.loading || !state.data ? (
          <Loading />
        ) : hits.length === 0 ? (
          <Empty>{t("workshop.picker.none")}</Empty>
        ) : (
          <div className="picker-options" role="radiogroup" aria-label={t("workshop.picker.results")}>
            {hits.map(({ agenda }) => (
              <label key={agenda.id} className="picker-option">
                <input
                  type="radio"
                  name={`${id}-agenda`}
                  value={agenda.id}
                  checked={value?.id === agenda.id}
                  onChange={() => onChange({ id: agenda.id, title: agenda.title })}
                />
                <span>
                  {agenda.title} <StatusBadge status={agenda.status} />{" "}
                  <span className="tag">{tEnum("fieldName", agenda.field)}</span>
                </span>
              </label>
            ))}
          </div>
        ))}
    </fieldset>
  );
}
