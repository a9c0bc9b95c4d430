// The execution plan (실행방안) of an accepted agenda: a summary, the responsible department,
// milestones (title, due date, done) and KPIs (name, unit, baseline, target, actual). Saving
// replaces the whole plan; the server derives the progress from the milestones done and the KPIs'
// attainment.
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { Field, FormStatus, useFormErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { SaveExecutionPlanDocument } from "./documents";
import { deptName } from "./deptName";
import { settleOutcome, type PanelAgenda, type Submit } from "./versionedSubmit";

type MilestoneDraft = { key: number; title: string; dueDate: string; done: boolean };
type KpiDraft = { key: number; name: string; unit: string; baseline: string; target: string; actual: string };

let nextKey = 1;
const key = () => nextKey++;

function numberText(n: number | null | undefined): string {
  return n == null ? "" : String(n);
}

/** A number typed by a person ("1,200", " 3.5 "), or undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const clean = text.replace(/[,\s]/g, "");
  if (!clean) return undefined;
  const n = Number(clean);
  return Number.isFinite(n) ? n : undefined;
}

export function PlanEditor({ agenda, submit }: { agenda: PanelAgenda; submit: Submit }) {
  const { t, number } = useI18n();
  const lookups = useLookups();
  const { locale } = useI18n();
  const uid = useId();
  const plan = agenda.plan;
  const [summary, setSummary] = useState(plan?.summary ?? "");
  const [dept, setDept] = useState(plan?.responsibleDepartment?.code ?? "");
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(
    (plan?.milestones ?? []).map((m) => ({ key: key(), title: m.title, dueDate: m.dueDate, done: m.done })),
  );
  const [kpis, setKpis] = useState<KpiDraft[]>(
    (plan?.kpis ?? []).map((k) => ({
      key: key(),
      name: k.name,
      unit: k.unit,
      baseline: numberText(k.baseline),
      target: numberText(k.target),
      actual: numberText(k.actual),
    })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const save = useMutation(SaveExecutionPlanDocument, (r) => r.saveExecutionPlan);

  const editMilestone = (k: number, patch: Partial<MilestoneDraft>) =>
    setMilestones((ms) => ms.map((m) => (m.key === k ? { ...m, ...patch } : m)));
  const editKpi = (k: number, patch: Partial<KpiDraft>) => setKpis((ks) => ks.map((x) => (x.key === k ? { ...x, ...patch } : x)));

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    milestones.forEach((m, i) => {
      if (!m.title.trim()) errors[`milestones.${i}.title`] = t("plan.error.milestoneTitle");
      if (!m.dueDate) errors[`milestones.${i}.dueDate`] = t("plan.error.dueDate");
    });
    kpis.forEach((k, i) => {
      if (!k.name.trim()) errors[`kpis.${i}.name`] = t("plan.error.kpiName");
      if (!k.unit.trim()) errors[`kpis.${i}.unit`] = t("plan.error.unit");
      if (parseNumber(k.target) === undefined) errors[`kpis.${i}.target`] = t("plan.error.number");
      if (k.baseline.trim() && parseNumber(k.baseline) === undefined) errors[`kpis.${i}.baseline`] = t("plan.error.number");
      if (k.actual.trim() && parseNumber(k.actual) === undefined) errors[`kpis.${i}.actual`] = t("plan.error.number");
    });
    return errors;
  };

  const send = async () => {
    const errors = validate();
    setLocal(errors);
    if (Object.keys(errors).length) {
      form.reset();
      window.setTimeout(() => document.getElementById(`${uid}-${Object.keys(errors)[0]}`)?.focus(), 0);
      return;
    }
    setBusy(true);
    const result = await submit("PLAN", (version) =>
      save.run({
        input: {
          agendaId: agenda.id,
          expectedVersion: version,
          summary: summary.trim(),
          responsibleDepartmentCode: dept || null,
          milestones: milestones.map((m) => ({ title: m.title.trim(), dueDate: m.dueDate, done: m.done })),
          kpis: kpis.map((k) => ({
            name: k.name.trim(),
            unit: k.unit.trim(),
            baseline: parseNumber(k.baseline) ?? 0,
            target: parseNumber(k.target) ?? 0,
            actual: parseNumber(k.actual) ?? null,
          })),
        },
      }),
    );
    setBusy(false);
    settleOutcome(form, result);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const err = (field: string): string | undefined => local[field] ?? form.fieldError(field);

  const input = (
    field: string,
    labelText: string,
    value: string,
    onChange: (v: string) => void,
    opts: { type?: string; required?: boolean; inputMode?: "decimal"; className?: string } = {},
  ) => (
    <Field id={`${uid}-${field}`} label={labelText} error={err(field)} required={opts.required} mark="hidden" className={opts.className}>
      {(control) => <input {...control} type={opts.type ?? "text"} inputMode={opts.inputMode} value={value} onChange={(ev) => onChange(ev.target.value)} />}
    </Field>
  );

  return (
    <section className="plan-editor" aria-labelledby={`${uid}-h`} data-testid="plan-editor">
      <h2 id={`${uid}-h`}>{t("plan.title")}</h2>
      {plan ? (
        <>
          <p>
            {t("agenda.progress", { pct: plan.progress })}
          </p>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={plan.progress} aria-label={t("plan.progress")}>
            <span style={{ width: `${plan.progress}%` }} />
          </div>
          <p className="hint">{t("plan.rule")}</p>
        </>
      ) : (
        <p className="hint">{t("plan.none")}</p>
      )}
      <form className="form plan-form" onSubmit={onSubmit} noValidate>
        <Field id={`${uid}-summary`} label={t("plan.summary")} error={err("summary")}>
          {(control) => <textarea {...control} value={summary} onChange={(e) => setSummary(e.target.value)} rows={4} />}
        </Field>
        <Field id={`${uid}-dept`} label={t("plan.responsible")} error={err("responsibleDepartmentCode")}>
          {(control) => (
            <select {...control} value={dept} onChange={(e) => setDept(e.target.value)}>
              <option value="">{t("plan.responsibleOwner")}</option>
              {(lookups?.departments ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {deptName(d, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className="plan-group" data-testid="plan-milestones">
          <legend>{t("plan.milestones")}</legend>
          {milestones.length === 0 && <p className="hint">{t("plan.noMilestones")}</p>}
          {milestones.map((m, i) => (
            <div className="plan-item" key={m.key} role="group" aria-label={t("plan.milestoneN", { n: i + 1 })}>
              {input(`milestones.${i}.title`, t("plan.milestoneTitle"), m.title, (v) => editMilestone(m.key, { title: v }), { required: true, className: "grow" })}
              {input(`milestones.${i}.dueDate`, t("plan.dueDate"), m.dueDate, (v) => editMilestone(m.key, { dueDate: v }), { type: "date", required: true })}
              <label className="checkbox">
                <input type="checkbox" checked={m.done} onChange={(e) => editMilestone(m.key, { done: e.target.checked })} /> {t("plan.done")}
              </label>
              <button type="button" className="link-button" onClick={() => setMilestones((ms) => ms.filter((x) => x.key !== m.key))}>
                {t("plan.remove")}
                <span className="visually-hidden"> {t("plan.milestoneN", { n: i + 1 })}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button secondary"
            onClick={() => setMilestones((ms) => [...ms, { key: key(), title: "", dueDate: "", done: false }])}
            data-testid="add-milestone"
          >
            {t("plan.addMilestone")}
          </button>
        </fieldset>

        <fieldset className="plan-group" data-testid="plan-kpis">
          <legend>{t("plan.kpis")}</legend>
          {kpis.length === 0 && <p className="hint">{t("plan.noKpis")}</p>}
          {kpis.map((k, i) => {
            const existing = plan?.kpis[i];
            return (
              <div className="plan-item" key={k.key} role="group" aria-label={t("plan.kpiN", { n: i + 1 })}>
                {input(`kpis.${i}.name`, t("plan.kpiName"), k.name, (v) => editKpi(k.key, { name: v }), { required: true, className: "grow" })}
                {input(`kpis.${i}.unit`, t("plan.unit"), k.unit, (v) => editKpi(k.key, { unit: v }), { required: true, className: "narrow" })}
                {input(`kpis.${i}.baseline`, t("plan.baseline"), k.baseline, (v) => editKpi(k.key, { baseline: v }), { inputMode: "decimal", className: "narrow" })}
                {input(`kpis.${i}.target`, t("plan.target"), k.target, (v) => editKpi(k.key, { target: v }), { inputMode: "decimal", required: true, className: "narrow" })}
                {input(`kpis.${i}.actual`, t("plan.actual"), k.actual, (v) => editKpi(k.key, { actual: v }), { inputMode: "decimal", className: "narrow" })}
                {existing && existing.name === k.name && (
                  <p className="hint attainment">{t("plan.attainment", { pct: number(existing.attainment, { style: "percent", maximumFractionDigits: 0 }) })}</p>
                )}
                <button type="button" className="link-button" onClick={() => setKpis((ks) => ks.filter((x) => x.key !== k.key))}>
                  {t("plan.remove")}
                  <span className="visually-hidden"> {t("plan.kpiN", { n: i + 1 })}</span>
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button secondary"
            onClick={() => setKpis((ks) => [...ks, { key: key(), name: "", unit: "", baseline: "0", target: "", actual: "" }])}
            data-testid="add-kpi"
          >
            {t("plan.addKpi")}
          </button>
        </fieldset>

        <FormStatus form={form} onRetry={() => void send()} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="save-plan">
            {busy ? t("state.saving") : t("plan.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
