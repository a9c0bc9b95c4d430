// How the triage panel's forms send a change: against the version on screen. When someone else
// changed the agenda first, the server answers VERSION_CONFLICT (or, since it checks the transition
// and the viewer's rights before the version, INVALID_TRANSITION or FORBIDDEN); the panel then
// re-reads the agenda, shows what changed, and lets the official decide again on the fresh version —
// their draft is kept and nothing is resent on its own. The forms import this module, never the
// panel that renders them.
import { useCallback, useState } from "react";
import { request, type UserError } from "../../api/client";
import type { MutationResult } from "../../api/hooks";
import type { FormErrorsHandle } from "../../forms";
import type { AgendaDetailQuery } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { AgendaDetailDocument } from "../citizen/agendaDocuments";
import { describeChanges, type AgendaChanges } from "./changes";

export type PanelAgenda = NonNullable<AgendaDetailQuery["agenda"]>;

/** What the panel reports back to a form after it ran a change. */
export type SubmitOutcome = { ok: boolean; errors: UserError[]; failure?: Error; conflict?: boolean };

export type Action = "ACCEPT" | "REJECT" | "NEEDS_INFO" | "MERGE" | "REROUTE" | "IN_PROGRESS" | "COMPLETED" | "PLAN" | "ANSWER";

/** Runs a change against the version on screen; handles conflicts and success centrally. */
export type Submit = (
  action: Action,
  run: (expectedVersion: number) => Promise<MutationResult<{ errors: UserError[]; agenda?: { status?: string } | null }>>,
) => Promise<SubmitOutcome>;

/** The panel's outcome into a form's errors: a conflict is shown by the panel, not by the form. */
export function settleOutcome(form: Pick<FormErrorsHandle, "settle" | "reset">, outcome: SubmitOutcome) {
  if (outcome.conflict) form.reset();
  else form.settle(outcome);
}

const DONE_KEYS: Record<Action, MessageKey> = {
  ACCEPT: "triage.done.ACCEPT",
  REJECT: "triage.done.REJECT",
  NEEDS_INFO: "triage.done.NEEDS_INFO",
  MERGE: "triage.done.MERGE",
  REROUTE: "triage.done.REROUTE",
  IN_PROGRESS: "triage.done.IN_PROGRESS",
  COMPLETED: "triage.done.COMPLETED",
  PLAN: "triage.done.PLAN",
  ANSWER: "triage.done.ANSWER",
};

/** The agenda on screen and everything a change does to it: the fresh version after success (and a
 * new `formKey`, so the forms start empty), or the conflict to show. */
export function useVersionedSubmit(initial: PanelAgenda) {
  const { t, tEnum } = useI18n();
  const [agenda, setAgenda] = useState(initial);
  const [conflict, setConflict] = useState<{ changes: AgendaChanges; action: Action } | null>(null);
  const [success, setSuccess] = useState("");
  const [reloadError, setReloadError] = useState<Error>();
  const [formKey, setFormKey] = useState(0);

  const reload = useCallback(async () => (await request(AgendaDetailDocument, { id: initial.id })).agenda, [initial.id]);

  const refresh = useCallback(async () => {
    try {
      const fresh = await reload();
      if (fresh) setAgenda(fresh);
      setReloadError(undefined);
    } catch (err) {
      setReloadError(err as Error);
    }
  }, [reload]);

  const submit: Submit = async (action, run) => {
    setSuccess("");
    const seen = agenda;
    const result = await run(seen.version);
    if (result.failure) return { ok: false, errors: [], failure: result.failure };
    if (result.errors.length) {
      const versionConflict = result.errors.some((e) => e.code === "VERSION_CONFLICT");
      let fresh: PanelAgenda | null | undefined;
      try {
        fresh = await reload();
      } catch (err) {
        return versionConflict ? { ok: false, errors: [], failure: err as Error } : { ok: false, errors: result.errors };
      }
      if (fresh && (versionConflict || fresh.version !== seen.version)) {
        setConflict({ changes: describeChanges(seen, fresh), action });
        setAgenda(fresh);
        return { ok: false, errors: [], conflict: true };
      }
      return { ok: false, errors: result.errors };
    }
    setConflict(null);
    let status = result.payload?.agenda?.status ?? seen.status;
    try {
      const fresh = await reload();
      if (fresh) {
        setAgenda(fresh);
        status = fresh.status;
      }
      setReloadError(undefined);
    } catch (err) {
      setReloadError(err as Error);
    }
    setSuccess(`${t(DONE_KEYS[action])} ${t("triage.done.newStatus", { status: tEnum("status", status) })}`);
    setFormKey((k) => k + 1);
    return { ok: true, errors: [] };
  };

  return { agenda, conflict, dismissConflict: () => setConflict(null), success, reloadError, refresh, formKey, submit };
}
