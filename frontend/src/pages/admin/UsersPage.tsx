// /admin/users: admins find people by name or e-mail (and role, department), change their role and
// departments, deactivate or reactivate them after a confirmation, and invite staff by e-mail —
// the set-password link is shown to copy. Every change lands in the audit log (server side).
import { useCallback, useId, useState, type FormEvent } from "react";
import { request } from "../../api/client";
import { useLookups } from "../../api/lookups";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import type { Me } from "../../auth/session";
import { Field, FilterBar, FilterSearch, FilterSelect, FormStatus, KeysetList, useKeysetPages, useMutationForm } from "../../forms";
import type { AdminUsersQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { deptName } from "../staff/deptName";
import { AdminNav } from "./AdminNav";
import { AdminUsersDocument, InviteStaffDocument, UpdateUserDocument } from "./documents";
import { DataTable } from "../../components/DataTable";

type Row = AdminUsersQuery["users"]["edges"][number]["node"];
// A page is 20 users: the size is written in the AdminUsers document, so its cost is known (tests/test_query_cost.py).
export const ROLES = ["CITIZEN", "STAFF", "OFFICER", "FACILITATOR", "RESEARCHER", "ADMIN"] as const;
const STAFF_ROLES = ROLES.filter((r) => r !== "CITIZEN");

type Filters = { query: string; role: string; departmentCode: string };

export function UsersPage() {
  return <RoleGate gate={ADMIN_GATE} title="users.title">{(me) => <UsersView me={me} />}</RoleGate>;
}

function UsersView({ me }: { me: Me }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ query: "", role: "", departmentCode: "" });
  const [said, setSaid] = useState<string>();
  const fetchPage = useCallback(
    async (after: string | null, signal?: AbortSignal) =>
      (
        await request(
          AdminUsersDocument,
          { query: filters.query || null, role: filters.role || null, departmentCode: filters.departmentCode || null, after },
          { signal },
        )
      ).users,
    [filters],
  );
  const list = useKeysetPages<Row>(JSON.stringify(filters), fetchPage);
  const replace = (user: Row) => list.update((rows) => rows.map((r) => (r.id === user.id ? user : r)));

  return (
    <section className="page admin-users" aria-labelledby="users-h">
      <AdminNav />
      <h1 id="users-h">{t("users.title")}</h1>
      <p className="page-lead">{t("users.lead")}</p>
      <SearchForm initial={filters} onSearch={(f) => { setSaid(undefined); setFilters(f); }} />
      {said && (
        <p role="status" className="notice success" data-testid="users-status">
          {said}
        </p>
      )}
      <KeysetList list={list} empty={t("users.empty")} moreTestId="users-more">
        {(rows) => (
          <DataTable testId="users-table" caption={t("users.caption", { count: rows.length })}
            columns={[t("users.name"), t("users.email"), t("users.role"), t("users.departments"), t("users.status"), t("users.actions")]}>
            {rows.map((u) => (
              <UserRow key={u.id} user={u} self={u.id === me.id} onChanged={(user, message) => { replace(user); setSaid(message); }} />
            ))}
          </DataTable>
        )}
      </KeysetList>
      <InviteForm onInvited={list.refetch} />
    </section>
  );
}

function SearchForm({ initial, onSearch }: { initial: Filters; onSearch: (f: Filters) => void }) {
  const { t, tEnum, locale } = useI18n();
  const lookups = useLookups();
  const [draft, setDraft] = useState(initial);
  return (
    <FilterBar label={t("users.filters")} onSearch={() => onSearch({ ...draft, query: draft.query.trim() })}
      searchLabel={t("users.searchButton")} searchTestId="users-search">
      <FilterSearch label={t("users.search")} value={draft.query} onChange={(query) => setDraft({ ...draft, query })} testId="users-query" />
      <FilterSelect label={t("users.role")} value={draft.role} onChange={(role) => setDraft({ ...draft, role })} anyLabel={t("users.anyRole")}
        options={ROLES.map((r) => ({ value: r, label: tEnum("role", r) }))} testId="users-role-filter" />
      <FilterSelect label={t("users.department")} value={draft.departmentCode} onChange={(departmentCode) => setDraft({ ...draft, departmentCode })}
        anyLabel={t("users.anyDepartment")} options={(lookups?.departments ?? []).map((d) => ({ value: d.code, label: deptName(d, locale) }))} />
    </FilterBar>
  );
}

function UserRow({ user, self, onChanged }: { user: Row; self: boolean; onChanged: (user: Row, message: string) => void }) {
  const { t, tEnum, locale } = useI18n();
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const form = useMutationForm(UpdateUserDocument, (r) => r.updateUser);
  const name = user.displayName;

  const toggleActive = async () => {
    const result = await form.run({ input: { id: user.id, isActive: !user.isActive } });
    if (result.payload?.user && !result.errors.length) {
      setMode("view");
      onChanged(result.payload.user, t(user.isActive ? "users.deactivated" : "users.reactivated", { name }));
    }
  };

  return (
    <>
      <tr data-user-id={user.id} data-role={user.role} data-active={user.isActive ? "true" : "false"}>
        <th scope="row">
          {name} {self && <span className="hint">{t("users.you")}</span>}
        </th>
        <td>{user.email}</td>
        <td data-testid="user-role">{tEnum("role", user.role)}</td>
        <td>{user.departments.length ? user.departments.map((d) => deptName(d, locale)).join(", ") : t("users.noDepartment")}</td>
        <td>{user.isActive ? t("users.active") : <span className="badge">{t("users.inactive")}</span>}</td>
        <td className="actions">
          <button type="button" className="link-button" aria-expanded={mode === "edit"} onClick={() => { form.reset(); setMode(mode === "edit" ? "view" : "edit"); }}
            aria-label={t("users.editFor", { name })} data-testid="user-edit">
            {t("users.edit")}
          </button>{" "}
          {!self && (
            <button type="button" className="link-button" onClick={() => { form.reset(); setMode("confirm"); }} data-testid="user-toggle-active">
              {user.isActive ? t("users.deactivate") : t("users.reactivate")}
              <span className="visually-hidden"> — {name}</span>
            </button>
          )}
        </td>
      </tr>
      {mode === "edit" && (
        <tr className="row-editor">
          <td colSpan={6}>
            <RoleEditor user={user} self={self} onCancel={() => setMode("view")} onSaved={(u) => { setMode("view"); onChanged(u, t("users.saved", { name })); }} />
          </td>
        </tr>
      )}
      {mode === "confirm" && (
        <tr className="row-editor">
          <td colSpan={6}>
            <div role="alertdialog" aria-labelledby={`confirm-${user.id}`} className="confirm" data-testid="user-confirm">
              <p id={`confirm-${user.id}`}>{t(user.isActive ? "users.confirmDeactivate" : "users.confirmReactivate", { name })}</p>
              <FormStatus form={form} onRetry={toggleActive} />
              <button type="button" className="button danger" onClick={toggleActive} disabled={form.running} data-testid="user-confirm-yes" autoFocus>
                {t("users.confirmYes")}
              </button>{" "}
              <button type="button" className="button secondary" onClick={() => setMode("view")}>
                {t("users.cancel")}
              </button>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

function RoleEditor({ user, self, onCancel, onSaved }: { user: Row; self: boolean; onCancel: () => void; onSaved: (u: Row) => void }) {
  const { t, tEnum } = useI18n();
  const id = useId();
  const [role, setRole] = useState<string>(user.role);
  const [codes, setCodes] = useState<string[]>(user.departments.map((d) => d.code));
  const form = useMutationForm(UpdateUserDocument, (r) => r.updateUser);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await form.run({ input: { id: user.id, role: self ? null : role, departmentCodes: role === "CITIZEN" ? [] : codes } });
    if (result.payload?.user && !result.errors.length) onSaved(result.payload.user);
  };
  return (
    <form onSubmit={submit} aria-label={t("users.editFor", { name: user.displayName })} data-testid="role-editor">
      <FormStatus form={form} />
      <Field id={`${id}-role`} label={t("users.role")} error={form.fieldError("role")}>
        {(control) => (
          <select {...control} value={role} onChange={(e) => setRole(e.target.value)} disabled={self} data-testid="role-select">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tEnum("role", r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role !== "CITIZEN" && <DepartmentChecks value={codes} onChange={setCodes} error={form.fieldError("departmentCodes")} />}
      <button type="submit" className="button" disabled={form.running} data-testid="role-save">
        {t("users.save")}
      </button>{" "}
      <button type="button" className="button secondary" onClick={onCancel}>
        {t("users.cancel")}
      </button>
    </form>
  );
}

function DepartmentChecks({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t, locale } = useI18n();
  const lookups = useLookups();
  const id = useId();
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="department-checks" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{t("users.departmentsLegend")}</legend>
      <ul className="check-list">
        {(lookups?.departments ?? []).map((d) => (
          <li key={d.code}>
            <label>
              <input type="checkbox" checked={value.includes(d.code)} onChange={(e) => toggle(d.code, e.target.checked)} data-code={d.code} />{" "}
              {deptName(d, locale)}
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t, tEnum } = useI18n();
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("STAFF");
  const [codes, setCodes] = useState<string[]>([]);
  const [sent, setSent] = useState<{ email: string; link: string; reused: boolean }>();
  const [copied, setCopied] = useState(false);
  const form = useMutationForm(InviteStaffDocument, (r) => r.inviteStaff);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(undefined);
    setCopied(false);
    const result = await form.run({ input: { email, role, departmentCodes: codes } });
    if (result.payload?.link && !result.errors.length) {
      setSent({ email: result.payload.user?.email ?? email, link: result.payload.link, reused: result.payload.reusedAccount });
      setEmail("");
      setCodes([]);
      onInvited();
    }
  };
  const copy = async () => {
    if (!sent) return;
    try {
      await navigator.clipboard.writeText(sent.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="invite">
      <h2 id={`${id}-h`}>{t("users.invite.title")}</h2>
      <p className="hint">{t("users.invite.lead")}</p>
      <form onSubmit={submit} data-testid="invite-form">
        <FormStatus form={form} />
        <Field id={`${id}-email`} label={t("users.invite.email")} required error={form.fieldError("email")}>
          {(control) => <input {...control} type="email" autoComplete="off" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field id={`${id}-role`} label={t("users.role")} error={form.fieldError("role")}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.target.value)}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {tEnum("role", r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DepartmentChecks value={codes} onChange={setCodes} error={form.fieldError("departmentCodes")} />
        <button type="submit" className="button" disabled={form.running}>
          {t("users.invite.submit")}
        </button>
      </form>
      {sent && (
        <div role="status" className="notice success" data-testid="invite-sent">
          <p>{t("users.invite.sent", { email: sent.email })}</p>
          {sent.reused && <p>{t("users.invite.reused")}</p>}
          <label htmlFor={`${id}-link`}>{t("users.invite.link")}</label>{" "}
          <input id={`${id}-link`} readOnly value={sent.link} size={60} onFocus={(e) => e.target.select()} data-testid="invite-link" />{" "}
          <button type="button" className="button secondary" onClick={copy}>
            {t("users.invite.copy")}
          </button>{" "}
          {copied && <span>{t("users.invite.copied")}</span>}
        </div>
      )}
    </section>
  );
}
