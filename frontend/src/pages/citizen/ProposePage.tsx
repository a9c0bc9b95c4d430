// The proposal form. Each of its fields says what it is for; the five policy fields are explained
// in full so a citizen can place an idea; while they type, the five likeliest existing agendas are
// shown so they can support one instead of proposing a twin. A retried submission carries the same
// idempotency key, so a flaky network never creates two agendas.
import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { graphql } from "../../gql";
import type { Channel, PolicyField } from "../../gql/graphql";
import { useDebounced, useMutation, useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import type { UserError } from "../../api/client";
import { useSession } from "../../auth/session";
import { ErrorState, FormErrors, Loading, useUserErrorText } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { useI18n } from "../../i18n";

const SimilarDocument = graphql(`
  query SimilarAgendas($title: String!, $body: String!) {
    similarAgendas(title: $title, body: $body) { id title status supportCount fieldLabel { code ko en } }
  }
`);

const ProposeDocument = graphql(`
  mutation ProposeAgenda($input: ProposeAgendaInput!) {
    proposeAgenda(input: $input) {
      agenda { id title status owner { kind department { code name nameEn } } }
      errors { field code message }
    }
  }
`);

const TITLE_MAX = 200;
const BODY_MIN = 20;
const STAFF_CHANNELS: Channel[] = ["CITIZEN_PROPOSAL", "CASE_ANALYSIS", "EXPERT_INTERVIEW", "DEPARTMENT_WORK", "WORKSHOP"];

export function ProposePage() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  if (loading && !me) return <Loading />;
  if (!me)
    return (
      <section className="page">
        <h1>{t("propose.title")}</h1>
        <p className="notice">
          {t("propose.loginFirst")} <Link to="/login?next=/propose">{t("nav.login")}</Link> ·{" "}
          <Link to="/register?next=/propose">{t("nav.register")}</Link>
        </p>
      </section>
    );
  return <ProposeForm />;
}

function ProposeForm() {
  const { t, tEnum, label, locale } = useI18n();
  const { isStaff } = useSession();
  const lookups = useLookups();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [field, setField] = useState<PolicyField | "">("");
  const [district, setDistrict] = useState("");
  const [related, setRelated] = useState<string[]>([]);
  const [channel, setChannel] = useState<Channel>("CITIZEN_PROPOSAL");
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<Error>();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const { run, running } = useMutation(ProposeDocument, (r) => r.proposeAgenda);
  const errorText = useUserErrorText();

  const settledTitle = useDebounced(title.trim(), 400);
  const settledBody = useDebounced(body.trim(), 400);
  const similar = useQuery(SimilarDocument, { title: settledTitle, body: settledBody }, { skip: settledTitle.length < 2 });

  const fieldError = (name: string) => errors.find((e) => e.field === name);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!field) {
      setErrors([{ field: "field", code: "FIELD_REQUIRED", message: t("propose.fieldRequired") }]);
      return;
    }
    const result = await run({
      input: {
        title,
        body,
        field: field as PolicyField,
        channel,
        district: district || null,
        relatedDepartmentCodes: related.length ? related : null,
        idempotencyKey,
      },
    });
    setFailure(result.failure);
    setErrors(result.errors);
    if (result.payload?.agenda) navigate(`/agendas/${result.payload.agenda.id}`, { state: { proposed: true } });
  };

  const described = (name: string, hint: boolean) =>
    [hint ? `${name}-hint` : "", fieldError(name) ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <section className="page">
      <h1>{t("propose.title")}</h1>
      <p className="page-lead">{t("propose.lead")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormErrors errors={errors} />
        {failure && <ErrorState error={failure} />}

        <div className="form-row">
          <label htmlFor="p-title">
            {t("propose.field.title")} <span className="hint">({t("form.required")})</span>
          </label>
          <p id="title-hint" className="hint">{t("propose.hint.title")}</p>
          <input id="p-title" type="text" value={title} maxLength={TITLE_MAX} required aria-describedby={described("title", true)} aria-invalid={!!fieldError("title")} onChange={(e) => setTitle(e.target.value)} />
          {fieldError("title") && <p id="title-error" className="field-error">{errorText(fieldError("title")!)}</p>}
        </div>

        {similar.data && similar.data.similarAgendas.length > 0 && settledTitle.length >= 2 && (
          <section className="dup-hints" aria-live="polite" data-testid="duplicate-hints">
            <h2 style={{ margin: 0, fontSize: "1rem" }}>{t("propose.similar")}</h2>
            <p className="hint">{t("propose.similarHint")}</p>
            <ul>
              {similar.data.similarAgendas.map((a) => (
                <li key={a.id}>
                  <Link to={`/agendas/${a.id}`} target="_blank" rel="noopener">{a.title}</Link> <StatusBadge status={a.status} />{" "}
                  <span className="hint">{tEnum("fieldName", a.fieldLabel.code)} · {t("common.supports", { count: a.supportCount })}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <div className="form-row">
          <label htmlFor="p-body">
            {t("propose.field.body")} <span className="hint">({t("form.required")})</span>
          </label>
          <p id="body-hint" className="hint">{t("propose.hint.body", { min: BODY_MIN })}</p>
          <textarea id="p-body" value={body} required aria-describedby={described("body", true)} aria-invalid={!!fieldError("body")} onChange={(e) => setBody(e.target.value)} />
          <p className="hint" aria-live="off">{t("form.charCount", { count: [...body].length, max: 20000 })}</p>
          {fieldError("body") && <p id="body-error" className="field-error">{errorText(fieldError("body")!)}</p>}
        </div>

        <fieldset aria-describedby={described("field", true)}>
          <legend>
            {t("propose.field.field")} <span className="hint">({t("form.required")})</span>
          </legend>
          <p id="field-hint" className="hint">{t("propose.hint.field")}</p>
          {(lookups?.policyFields ?? []).map((f) => (
            <label key={f.code} style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", fontWeight: 400 }}>
              <input type="radio" name="field" value={f.code} checked={field === f.code} onChange={() => setField(f.code as PolicyField)} />
              <span>
                <strong>{tEnum("fieldName", f.code)}</strong> — {locale === "ko" ? f.ko : f.en}
              </span>
            </label>
          ))}
          {fieldError("field") && <p id="field-error" className="field-error">{errorText(fieldError("field")!)}</p>}
        </fieldset>

        <div className="form-row">
          <label htmlFor="p-district">{t("propose.field.district")}</label>
          <p id="district-hint" className="hint">{t("propose.hint.district")}</p>
          <select id="p-district" value={district} aria-describedby="district-hint" onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t("propose.districtCitywide")}</option>
            {(lookups?.districts ?? []).map((d) => (
              <option key={d.code} value={d.code}>{label(d)}</option>
            ))}
          </select>
        </div>

        <div className="form-row">
          <label htmlFor="p-related">{t("propose.field.related")}</label>
          <p id="related-hint" className="hint">{t("propose.hint.related")}</p>
          <select id="p-related" multiple size={6} value={related} aria-describedby="related-hint" onChange={(e) => setRelated(Array.from(e.target.selectedOptions, (o) => o.value))}>
            {(lookups?.departments ?? []).map((d) => (
              <option key={d.code} value={d.code}>{locale === "ko" ? d.name : d.nameEn}</option>
            ))}
          </select>
        </div>

        {isStaff && (
          <div className="form-row">
            <label htmlFor="p-channel">{t("propose.field.channel")}</label>
            <select id="p-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {STAFF_CHANNELS.map((c) => (
                <option key={c} value={c}>{tEnum("channel", c)}</option>
              ))}
            </select>
          </div>
        )}

        <p className="hint">{t("propose.routingNote")}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={running}>
            {running ? t("state.saving") : t("propose.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
