// The proposal form. Each of its fields says what it is for; the five policy fields are explained
// in full so a citizen can place an idea; while they type, the five likeliest existing agendas are
// shown so they can support one instead of proposing a twin. A retried submission carries the same
// idempotency key, so a flaky network never creates two agendas.
import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { graphql } from "../../gql";
import type { Channel, PolicyField } from "../../gql/graphql";
import { useDebounced, useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { useSession } from "../../auth/session";
import { VerificationBanner } from "../../auth/VerificationBanner";
import { Loading } from "../../components/States";
import { describedBy, errorId, Field, FieldError, FormStatus, hintId, useMutationForm } from "../../forms";
import { StatusBadge } from "../../components/StatusBadge";
import { useI18n } from "../../i18n";
import { request } from "../../api/client";
import { AttachFilesDocument } from "../../attachments/documents";
import { FilePicker } from "../../attachments/FilePicker";
import { useUploads } from "../../attachments/useUploads";

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
  const { isStaff, refresh } = useSession();
  const lookups = useLookups();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [field, setField] = useState<PolicyField | "">("");
  const [district, setDistrict] = useState("");
  const [related, setRelated] = useState<string[]>([]);
  const [channel, setChannel] = useState<Channel>("CITIZEN_PROPOSAL");
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const form = useMutationForm(ProposeDocument, (r) => r.proposeAgenda);
  const uploads = useUploads();

  const settledTitle = useDebounced(title.trim(), 400);
  const settledBody = useDebounced(body.trim(), 400);
  const similar = useQuery(SimilarDocument, { title: settledTitle, body: settledBody }, { skip: settledTitle.length < 2 });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!field) {
      form.reject([{ field: "field", code: "FIELD_REQUIRED", message: t("propose.fieldRequired") }]);
      return;
    }
    if (uploads.busy) {
      form.reject([{ field: "files", code: "UPLOADING", message: t("files.waitUploads") }]);
      return;
    }
    const result = await form.run({
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
    const agenda = result.payload?.agenda;
    if (agenda) {
      // The files were uploaded (and checked) while the form was filled in; now they join the agenda.
      let attachFailed: string | undefined;
      if (uploads.uploadIds.length) {
        try {
          const attached = await request(AttachFilesDocument, { input: { agendaId: agenda.id, uploadIds: uploads.uploadIds } });
          attachFailed = attached.attachFiles.errors[0]?.message;
        } catch {
          attachFailed = t("files.network");
        }
      }
      navigate(`/agendas/${agenda.id}`, { state: { proposed: true, attachFailed } });
    }
    // The page thought the address confirmed (or was opened before it was): show the banner now.
    else if (result.errors.some((e) => e.code === "EMAIL_NOT_VERIFIED")) refresh();
  };

  return (
    <section className="page">
      <h1>{t("propose.title")}</h1>
      <p className="page-lead">{t("propose.lead")}</p>
      <VerificationBanner />
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormStatus form={form} />

        <Field id="p-title" label={t("propose.field.title")} hint={t("propose.hint.title")} error={form.fieldError("title")} required>
          {(control) => <input {...control} type="text" value={title} maxLength={TITLE_MAX} required onChange={(e) => setTitle(e.target.value)} />}
        </Field>

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

        <Field
          id="p-body"
          label={t("propose.field.body")}
          hint={t("propose.hint.body", { min: BODY_MIN })}
          error={form.fieldError("body")}
          required
          after={<p className="hint" aria-live="off">{t("form.charCount", { count: [...body].length, max: 20000 })}</p>}
        >
          {(control) => <textarea {...control} value={body} required onChange={(e) => setBody(e.target.value)} />}
        </Field>

        <fieldset aria-describedby={describedBy(hintId("p-field"), form.fieldError("field") && errorId("p-field"))}>
          <legend>
            {t("propose.field.field")} <span className="hint">({t("form.required")})</span>
          </legend>
          <p id={hintId("p-field")} className="hint">{t("propose.hint.field")}</p>
          {(lookups?.policyFields ?? []).map((f) => (
            <label key={f.code} style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", fontWeight: 400 }}>
              <input type="radio" name="field" value={f.code} checked={field === f.code} onChange={() => setField(f.code as PolicyField)} />
              <span>
                <strong>{tEnum("fieldName", f.code)}</strong> — {locale === "ko" ? f.ko : f.en}
              </span>
            </label>
          ))}
          <FieldError id={errorId("p-field")} error={form.fieldError("field")} />
        </fieldset>

        <Field id="p-district" label={t("propose.field.district")} hint={t("propose.hint.district")} error={form.fieldError("district")}>
          {(control) => (
            <select {...control} value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">{t("propose.districtCitywide")}</option>
              {(lookups?.districts ?? []).map((d) => (
                <option key={d.code} value={d.code}>{label(d)}</option>
              ))}
            </select>
          )}
        </Field>

        <Field id="p-related" label={t("propose.field.related")} hint={t("propose.hint.related")} error={form.fieldError("relatedDepartmentCodes")}>
          {(control) => (
            <select {...control} multiple size={6} value={related} onChange={(e) => setRelated(Array.from(e.target.selectedOptions, (o) => o.value))}>
              {(lookups?.departments ?? []).map((d) => (
                <option key={d.code} value={d.code}>{locale === "ko" ? d.name : d.nameEn}</option>
              ))}
            </select>
          )}
        </Field>

        {isStaff && (
          <Field id="p-channel" label={t("propose.field.channel")} error={form.fieldError("channel")}>
            {(control) => (
              <select {...control} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                {STAFF_CHANNELS.map((c) => (
                  <option key={c} value={c}>{tEnum("channel", c)}</option>
                ))}
              </select>
            )}
          </Field>
        )}

        <FilePicker uploads={uploads} testId="propose-files" />

        <p className="hint">{t("propose.routingNote")}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.running}>
            {form.running ? t("state.saving") : t("propose.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
