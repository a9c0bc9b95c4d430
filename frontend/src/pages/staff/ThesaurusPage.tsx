// The admin's civic thesaurus: find a concept in any of its languages (the server folds case,
// width and Simplified Chinese, so 轮椅 finds 輪椅), see its Korean, English and Chinese terms —
// the shipped ones and those this city's admins added — and add terms to a concept or create one.
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { useQuery } from "../../api/hooks";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { Async, Empty } from "../../components/States";
import { Field, FormStatus, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import type { ThesaurusConceptsQuery } from "../../gql/graphql";
import { parseKeywords } from "./AdminPage";
import { AddThesaurusTermsDocument, ThesaurusConceptsDocument } from "./thesaurusDocuments";
import { AdminNav } from "../admin/AdminNav";

type ConceptNode = ThesaurusConceptsQuery["thesaurusConcepts"]["edges"][number]["node"];
const PAGE = 20;
const LANGS = ["ko", "en", "zh"] as const;

export function ThesaurusPage() {
  return <RoleGate gate={ADMIN_GATE} title="thesaurus.title">{() => <Thesaurus />}</RoleGate>;
}

/** The text typed, settled for a moment before it is sent (one request per pause, not per key). */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Thesaurus() {
  const { t } = useI18n();
  const uid = useId();
  const [typed, setTyped] = useState("");
  const query = useSettled(typed.trim());
  // The cursors of the pages walked so far: the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [query]);
  const after = cursors[cursors.length - 1];
  const concepts = useQuery(ThesaurusConceptsDocument, { query: query || null, first: PAGE, after });
  const [concept, setConcept] = useState("");
  const [status, setStatus] = useState("");
  const formRef = useRef<HTMLFormElement>(null);

  const pick = (id: string) => {
    setConcept(id);
    formRef.current?.scrollIntoView({ block: "start" });
    formRef.current?.querySelector<HTMLInputElement>("input")?.focus();
  };

  return (
    <section className="page thesaurus-page">
      <AdminNav />
      <h1>{t("thesaurus.title")}</h1>
      <p className="page-lead">{t("thesaurus.lead")}</p>
      <div role="status" aria-live="polite" data-testid="thesaurus-status">
        {status && <p className="success">{status}</p>}
      </div>
      <div className="form" role="search" aria-label={t("thesaurus.search")}>
        <Field id={`${uid}-q`} label={t("thesaurus.search")} hint={t("thesaurus.searchHint")}>
          {(control) => (
            <input {...control} type="search" maxLength={60} value={typed} onChange={(e) => setTyped(e.target.value)} />
          )}
        </Field>
      </div>
      <Async state={concepts}>
        {(data) => {
          const list = data.thesaurusConcepts;
          if (!list.edges.length) return <Empty>{t("thesaurus.none")}</Empty>;
          return (
            <>
              <p className="hint" data-testid="thesaurus-count">
                {t("thesaurus.count", { count: list.totalCount })}
              </p>
              <ConceptTable concepts={list.edges.map((e) => e.node)} onPick={pick} />
              <nav className="form-actions" aria-label={t("thesaurus.pages")}>
                {cursors.length > 1 && (
                  <button type="button" className="button secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
                    {t("thesaurus.prev")}
                  </button>
                )}
                {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => setCursors((c) => [...c, list.pageInfo.endCursor ?? null])}
                  >
                    {t("thesaurus.next")}
                  </button>
                )}
              </nav>
            </>
          );
        }}
      </Async>
      <AddTermsForm
        formRef={formRef}
        concept={concept}
        setConcept={setConcept}
        onAdded={(id, terms) => {
          setStatus(t("thesaurus.form.done", { concept: id, terms: terms.join(", ") }));
          setTyped(id);
          concepts.refetch();
        }}
      />
    </section>
  );
}

function ConceptTable({ concepts, onPick }: { concepts: ConceptNode[]; onPick: (id: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid="thesaurus-concepts">
        <caption className="visually-hidden">{t("thesaurus.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("thesaurus.col.concept")}</th>
            {LANGS.map((l) => (
              <th scope="col" key={l}>
                {t(`thesaurus.col.${l}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t("admin.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {concepts.map((c) => (
            <tr key={c.id} data-concept={c.id}>
              <th scope="row">
                <code>{c.id}</code>
                {!c.builtIn && <> <span className="badge">{t("thesaurus.newConcept")}</span></>}
                {c.group && (
                  <>
                    {" "}
                    <span className="tag" title={t("thesaurus.groupHint")}>
                      {t("thesaurus.groupConcept")}
                    </span>
                  </>
                )}
              </th>
              {LANGS.map((l) => (
                <td key={l} lang={l === "zh" ? "zh-Hant" : l}>
                  <ul className="chip-list">
                    {c.terms
                      .filter((term) => term.lang === l)
                      .map((term) => (
                        <li key={term.term} className={term.builtIn ? "tag" : "tag term-added"} data-added={!term.builtIn || undefined}>
                          {term.term}
                          {!term.builtIn && (
                            <span lang={locale} title={t("thesaurus.addedTitle")}>
                              {" "}
                              · {t("thesaurus.added")}
                            </span>
                          )}
                        </li>
                      ))}
                  </ul>
                </td>
              ))}
              <td>
                <button type="button" className="link-button" onClick={() => onPick(c.id)}>
                  {t("thesaurus.addTo")}
                  <span className="visually-hidden"> {c.label}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddTermsForm({
  formRef,
  concept,
  setConcept,
  onAdded,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  concept: string;
  setConcept: (v: string) => void;
  onAdded: (concept: string, terms: string[]) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [terms, setTerms] = useState<Record<(typeof LANGS)[number], string>>({ ko: "", en: "", zh: "" });
  const add = useMutationForm(AddThesaurusTermsDocument, (r) => r.addThesaurusTerms);

  const send = async () => {
    const input = { concept: concept.trim(), ko: parseKeywords(terms.ko), en: parseKeywords(terms.en), zh: parseKeywords(terms.zh) };
    if (!input.ko.length && !input.en.length && !input.zh.length) {
      add.reject([{ field: "ko", code: "REQUIRED", message: t("thesaurus.form.empty") }]);
      return;
    }
    const result = await add.run({ input });
    const saved = result.payload?.concept;
    if (!result.failure && !result.errors.length && saved) {
      setTerms({ ko: "", en: "", zh: "" });
      onAdded(saved.id, [...input.ko, ...input.en, ...input.zh]);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const hints = { ko: t("thesaurus.form.termHint"), en: t("thesaurus.form.termHint"), zh: `${t("thesaurus.form.zhHint")} ${t("thesaurus.form.termHint")}` };

  return (
    <section className="panel" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t("thesaurus.form.title")}</h2>
      <p className="hint">{t("thesaurus.form.lead")}</p>
      <form className="form" ref={formRef} onSubmit={onSubmit} data-testid="add-terms" noValidate>
        <FormStatus form={add} onRetry={() => void send()} />
        <Field id={`${uid}-concept`} label={t("thesaurus.form.concept")} hint={t("thesaurus.form.conceptHint")} error={add.fieldError("concept")} required>
          {(control) => (
            <input {...control} type="text" required maxLength={60} autoCapitalize="none" value={concept} onChange={(e) => setConcept(e.target.value)} />
          )}
        </Field>
        {LANGS.map((l) => (
          <Field key={l} id={`${uid}-${l}`} label={t(`thesaurus.form.${l}`)} hint={hints[l]} error={add.fieldError(l)}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                lang={l === "zh" ? "zh-Hant" : l}
                value={terms[l]}
                onChange={(e) => setTerms((s) => ({ ...s, [l]: e.target.value }))}
              />
            )}
          </Field>
        ))}
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.running}>
            {add.running ? t("state.saving") : t("thesaurus.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
