// The admin screen: the city's departments (including inactive ones) with their routing fields and
// keywords — create and edit them — and the year's work-plan items (routing rule 1).
import { AdminNav } from "../admin/AdminNav";
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { Async, Empty } from "../../components/States";
import { Field, FormStatus, useFormErrors, useMutationForm } from "../../forms";
import { useI18n } from "../../i18n";
import type { AdminDepartmentsQuery, PolicyField, WorkPlanItemsQuery } from "../../gql/graphql";
import {
  AdminDepartmentsDocument,
  CopyWorkPlanDocument,
  CreateDepartmentDocument,
  CreateWorkPlanItemDocument,
  RetireWorkPlanItemDocument,
  UpdateDepartmentDocument,
  UpdateWorkPlanItemDocument,
  WorkPlanItemsDocument,
} from "./documents";
import { Link } from "react-router-dom";
import { ConfirmAction } from "./ConfirmAction";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { deptName } from "./deptName";
import { KeywordSuggestions } from "./KeywordSuggestions";

type Dept = AdminDepartmentsQuery["departments"][number];
type Item = WorkPlanItemsQuery["workPlanItems"][number];

export function AdminPage() {
  return <RoleGate gate={ADMIN_GATE} title="admin.title">{() => <Admin />}</RoleGate>;
}

/** "a, b\nc" → ["a", "b", "c"] */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[,\n、，]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

function Admin() {
  const { t } = useI18n();
  const departments = useQuery(AdminDepartmentsDocument);
  const [status, setStatus] = useState("");
  return (
    <section className="page admin-page">
      <AdminNav />
      <h1>{t("admin.title")}</h1>
      <p className="page-lead">{t("admin.lead")}</p>
      <p>
        <Link to="/admin/thesaurus">{t("admin.toThesaurus")}</Link>
        {" · "}
        <Link to="/admin/import">{t("catalogue.toImport")}</Link>
      </p>
      <div role="status" aria-live="polite" data-testid="admin-status">
        {status && <p className="success">{status}</p>}
      </div>
      <section aria-labelledby="depts-h">
        <h2 id="depts-h">{t("admin.departments")}</h2>
        <Async state={departments}>
          {(data) => (
            <DepartmentTable
              departments={data.departments}
              onSaved={(msg) => {
                setStatus(msg);
                departments.refetch();
              }}
            />
          )}
        </Async>
        <details className="panel admin-create">
          <summary>{t("admin.createDepartment")}</summary>
          <DepartmentForm
            onSaved={(d) => {
              setStatus(t("admin.created", { name: d.name }));
              departments.refetch();
            }}
          />
        </details>
      </section>
      <WorkPlanSection departments={departments.data?.departments ?? []} onSaved={setStatus} />
    </section>
  );
}

function DepartmentTable({ departments, onSaved }: { departments: Dept[]; onSaved: (msg: string) => void }) {
  const { t, tEnum } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  if (!departments.length) return <Empty />;
  return (
    <div className="table-scroll">
      <table data-testid="departments">
        <caption className="visually-hidden">{t("admin.departments")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.code")}</th>
            <th scope="col">{t("admin.nameKo")}</th>
            <th scope="col">{t("admin.nameEn")}</th>
            <th scope="col">{t("admin.fields")}</th>
            <th scope="col">{t("admin.keywords")}</th>
            <th scope="col">{t("admin.active")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("admin.actions")}</span>
            </th>
          </tr>
        </thead>
        {departments.map((d) => (
          <tbody key={d.code} data-code={d.code}>
            <tr className={d.active ? undefined : "inactive"}>
              <th scope="row">
                <code>{d.code}</code>
              </th>
              <td>{d.name}</td>
              <td>{d.nameEn}</td>
              <td>{d.fields.map((f) => tEnum("fieldName", f)).join(", ")}</td>
              <td className="keywords">
                {d.keywords.slice(0, 8).join(", ")}
                {d.keywords.length > 8 && ` ${t("admin.moreKeywords", { count: d.keywords.length - 8 })}`}
              </td>
              <td>{d.active ? t("admin.yes") : <span className="badge">{t("admin.inactive")}</span>}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={editing === d.code}
                  onClick={() => setEditing(editing === d.code ? null : d.code)}
                >
                  {editing === d.code ? t("common.close") : t("admin.edit")}
                  <span className="visually-hidden"> {d.name}</span>
                </button>
                <ActiveToggle department={d} onSaved={onSaved} />
              </td>
            </tr>
            {editing === d.code && (
              <tr>
                <td colSpan={7}>
                  <KeywordSuggestions department={d} onAccepted={onSaved} />
                  <DepartmentForm
                    // A suggestion accepted above changes the keywords: the form starts again from them.
                    key={d.keywords.join("\n")}
                    existing={d}
                    onSaved={(saved) => {
                      setEditing(null);
                      onSaved(t("admin.updated", { name: saved.name }));
                    }}
                  />
                </td>
              </tr>
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function DepartmentForm({ existing, onSaved }: { existing?: Dept; onSaved: (d: Dept) => void }) {
  const { t, label } = useI18n();
  const lookups = useLookups();
  const uid = useId();
  const [code, setCode] = useState(existing?.code ?? "");
  const [nameKo, setNameKo] = useState(existing?.name ?? "");
  const [nameEn, setNameEn] = useState(existing?.nameEn ?? "");
  const [fields, setFields] = useState<string[]>(existing?.fields ?? []);
  const [keywords, setKeywords] = useState((existing?.keywords ?? []).join("\n"));
  const [duty, setDuty] = useState(existing?.dutyStatement ?? "");
  const form = useFormErrors();
  const create = useMutation(CreateDepartmentDocument, (r) => r.createDepartment);
  const update = useMutation(UpdateDepartmentDocument, (r) => r.updateDepartment);
  const running = create.running || update.running;

  const send = async () => {
    const common = {
      nameKo: nameKo.trim(),
      nameEn: nameEn.trim(),
      fields: fields as PolicyField[],
      keywords: parseKeywords(keywords),
      dutyStatement: duty.trim(),
    };
    const result = existing
      ? await update.run({ input: { code: existing.code, ...common } })
      : await create.run({ input: { code: code.trim(), ...common } });
    form.settle(result);
    if (!result.failure && !result.errors.length && result.payload?.department) {
      onSaved(result.payload.department);
      if (!existing) {
        setCode("");
        setNameKo("");
        setNameEn("");
        setFields([]);
        setKeywords("");
        setDuty("");
      }
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const row = (id: string, text: string, value: string, set: (v: string) => void, field: string, extra?: { hint?: string; disabled?: boolean }) => (
    <Field id={`${uid}-${id}`} label={text} hint={extra?.hint} error={form.fieldError(field)}>
      {(control) => <input {...control} type="text" value={value} disabled={extra?.disabled} required onChange={(e) => set(e.target.value)} />}
    </Field>
  );

  return (
    <form className="form" onSubmit={onSubmit} data-testid={existing ? `edit-${existing.code}` : "create-department"}>
      <FormStatus form={form} onRetry={() => void send()} />
      {!existing && row("code", t("admin.code"), code, setCode, "code", { hint: t("admin.codeHint") })}
      {row("ko", t("admin.nameKo"), nameKo, setNameKo, "nameKo")}
      {row("en", t("admin.nameEn"), nameEn, setNameEn, "nameEn")}
      <fieldset>
        <legend>{t("admin.fields")}</legend>
        {(lookups?.policyFields ?? []).map((f) => (
          <label key={f.code} className="choice">
            <input
              type="checkbox"
              checked={fields.includes(f.code)}
              onChange={(e) => setFields((xs) => (e.target.checked ? [...xs, f.code] : xs.filter((x) => x !== f.code)))}
            />{" "}
            {label(f)}
          </label>
        ))}
      </fieldset>
      <Field id={`${uid}-kw`} label={t("admin.keywords")} hint={t("admin.keywordsHint")} error={form.fieldError("keywords")}>
        {(control) => <textarea {...control} rows={4} value={keywords} onChange={(e) => setKeywords(e.target.value)} />}
      </Field>
      <Field id={`${uid}-duty`} label={t("admin.dutyStatement")} hint={t("admin.dutyStatementHint")} error={form.fieldError("dutyStatement")}>
        {(control) => <textarea {...control} rows={5} value={duty} onChange={(e) => setDuty(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={running}>
          {running ? t("state.saving") : existing ? t("admin.save") : t("admin.create")}
        </button>
      </div>
    </form>
  );
}

/** Deactivate (or reactivate) a department after an explicit confirmation; the server refuses while
 * it owns open agendas and says how many. */
function ActiveToggle({ department: d, onSaved }: { department: Dept; onSaved: (msg: string) => void }) {
  const { t } = useI18n();
  const update = useMutation(UpdateDepartmentDocument, (r) => r.updateDepartment);
  return (
    <ConfirmAction
      testId={`toggle-${d.code}`}
      label={d.active ? t("catalogue.deactivate") : t("catalogue.reactivate")}
      question={t(d.active ? "catalogue.confirmDeactivate" : "catalogue.confirmReactivate", { name: d.name })}
      run={async () => {
        const result = await update.run({ input: { code: d.code, active: !d.active } });
        if (!result.failure && !result.errors.length) onSaved(t(d.active ? "catalogue.deactivated" : "catalogue.reactivated", { name: d.name }));
        return result;
      }}
    />
  );
}

function WorkPlanSection({ departments, onSaved }: { departments: Dept[]; onSaved: (msg: string) => void }) {
  const { t, locale } = useI18n();
  const uid = useId();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const items = useQuery(WorkPlanItemsDocument, { year });
  const [dept, setDept] = useState("");
  const [title, setTitle] = useState("");
  const [keywords, setKeywords] = useState("");
  const [itemYear, setItemYear] = useState(String(thisYear));
  const create = useMutationForm(CreateWorkPlanItemDocument, (r) => r.createWorkPlanItem);
  const copy = useMutation(CopyWorkPlanDocument, (r) => r.copyWorkPlan);
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];

  const send = async () => {
    const result = await create.run({
      input: { departmentCode: dept, title: title.trim(), keywords: parseKeywords(keywords), year: Number(itemYear) || 0 },
    });
    if (!result.failure && !result.errors.length && result.payload?.workPlanItem) {
      onSaved(t("admin.itemCreated", { title: result.payload.workPlanItem.title }));
      setTitle("");
      setKeywords("");
      items.refetch();
    }
  };

  return (
    <section aria-labelledby="wp-h">
      <h2 id="wp-h">{t("admin.workPlan")}</h2>
      <div className="form-row year-select">
        <label htmlFor={`${uid}-year`}>{t("admin.year")}</label>
        <select id={`${uid}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <Async state={items}>
        {(data) =>
          data.workPlanItems.length === 0 ? (
            <Empty>{t("admin.noItems", { year: String(year) })}</Empty>
          ) : (
            <div className="table-scroll">
              <table data-testid="work-plan-items">
                <caption className="visually-hidden">{t("admin.workPlanOf", { year: String(year) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("admin.itemTitle")}</th>
                    <th scope="col">{t("admin.department")}</th>
                    <th scope="col">{t("admin.keywords")}</th>
                    <th scope="col">{t("catalogue.itemStatus")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("admin.actions")}</span>
                    </th>
                  </tr>
                </thead>
                {data.workPlanItems.map((w) => (
                  <WorkPlanRow
                    key={w.id}
                    item={w}
                    departments={departments}
                    onSaved={(msg) => {
                      onSaved(msg);
                      items.refetch();
                    }}
                  />
                ))}
              </table>
            </div>
          )
        }
      </Async>
      <section aria-labelledby="wp-copy-h" className="panel">
        <h3 id="wp-copy-h">{t("catalogue.copyTitle")}</h3>
        <p>{t("catalogue.copyLead", { from: String(year), to: String(year + 1) })}</p>
        <ConfirmAction
          testId="copy-work-plan"
          className="button secondary"
          label={t("catalogue.copyButton", { from: String(year), to: String(year + 1) })}
          question={t("catalogue.confirmCopy", { from: String(year), to: String(year + 1) })}
          run={async () => {
            const result = await copy.run({ input: { fromYear: year, toYear: year + 1 } });
            const c = result.payload?.copy;
            if (c) onSaved(t("catalogue.copied", { to: String(c.toYear), copied: String(c.copied), skipped: String(c.skipped) }));
            return result;
          }}
        />
      </section>
      <details className="panel admin-create">
        <summary>{t("admin.createItem")}</summary>
        <form
          className="form"
          data-testid="create-work-plan-item"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <FormStatus form={create} onRetry={() => void send()} />
          <Field id={`${uid}-dept`} label={t("admin.department")} error={create.fieldError("departmentCode")}>
            {(control) => (
              <select {...control} value={dept} required onChange={(e) => setDept(e.target.value)}>
                <option value="">{t("triage.reroute.pick")}</option>
                {departments
                  .filter((d) => d.active)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {deptName(d, locale)}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field id={`${uid}-title`} label={t("admin.itemTitle")} error={create.fieldError("title")}>
            {(control) => <input {...control} type="text" required value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field id={`${uid}-kw`} label={t("admin.keywords")} hint={t("admin.keywordsHint")} error={create.fieldError("keywords")}>
            {(control) => <textarea {...control} rows={3} value={keywords} onChange={(e) => setKeywords(e.target.value)} />}
          </Field>
          <Field id={`${uid}-iy`} label={t("admin.year")} error={create.fieldError("year")}>
            {(control) => (
              <input {...control} type="number" min={2000} max={2100} required value={itemYear} onChange={(e) => setItemYear(e.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={create.running}>
              {create.running ? t("state.saving") : t("admin.createItemButton")}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}

/** One work-plan item: edit it in place, or retire it (kept for the agendas that name it; deleted
 * when none does). A retired item is shown, marked, and no longer editable. */
function WorkPlanRow({ item: w, departments, onSaved }: { item: Item; departments: Dept[]; onSaved: (msg: string) => void }) {
  const { t, locale } = useI18n();
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(w.title);
  const [keywords, setKeywords] = useState(w.keywords.join("\n"));
  const [dept, setDept] = useState(w.department?.code ?? "");
  const update = useMutationForm(UpdateWorkPlanItemDocument, (r) => r.updateWorkPlanItem);
  const retire = useMutation(RetireWorkPlanItemDocument, (r) => r.retireWorkPlanItem);
  const save = async () => {
    const result = await update.run({ input: { id: w.id, title: title.trim(), keywords: parseKeywords(keywords), departmentCode: dept } });
    if (!result.failure && !result.errors.length && result.payload?.workPlanItem) {
      setEditing(false);
      onSaved(t("catalogue.itemSaved", { title: result.payload.workPlanItem.title }));
    }
  };
  return (
    <tbody data-item={w.id}>
      <tr className={w.retired ? "inactive" : undefined}>
        <td>{w.title}</td>
        <td>{deptName(w.department, locale)}</td>
        <td>{w.keywords.join(", ")}</td>
        <td>{w.retired ? <span className="badge">{t("catalogue.retired")}</span> : t("catalogue.current")}</td>
        <td>
          {!w.retired && (
            <>
              <button type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
                {editing ? t("common.close") : t("catalogue.editItem")}
                <span className="visually-hidden"> {w.title}</span>
              </button>
              <ConfirmAction
                testId={`retire-${w.id}`}
                label={t("catalogue.retire")}
                question={t("catalogue.confirmRetire", { title: w.title })}
                run={async () => {
                  const result = await retire.run({ id: w.id });
                  if (!result.failure && !result.errors.length)
                    onSaved(t(result.payload?.deleted ? "catalogue.itemDeleted" : "catalogue.itemRetired", { title: w.title }));
                  return result;
                }}
              />
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <form
              className="form"
              data-testid={`edit-item-${w.id}`}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <FormStatus form={update} onRetry={() => void save()} />
              <Field id={`${uid}-title`} label={t("admin.itemTitle")} error={update.fieldError("title")}>
                {(control) => <input {...control} type="text" required value={title} onChange={(e) => setTitle(e.target.value)} />}
              </Field>
              <Field id={`${uid}-dept`} label={t("admin.department")} error={update.fieldError("departmentCode")}>
                {(control) => (
                  <select {...control} value={dept} onChange={(e) => setDept(e.target.value)}>
                    {departments
                      .filter((d) => d.active || d.code === dept)
                      .map((d) => (
                        <option key={d.code} value={d.code}>
                          {deptName(d, locale)}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <Field id={`${uid}-kw`} label={t("admin.keywords")} hint={t("admin.keywordsHint")} error={update.fieldError("keywords")}>
                {(control) => <textarea {...control} rows={3} value={keywords} onChange={(e) => setKeywords(e.target.value)} />}
              </Field>
              <div className="form-actions">
                <button type="submit" className="button" disabled={update.running}>
                  {update.running ? t("state.saving") : t("admin.save")}
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </tbody>
  );
}
