// The moderators' queue (admins and the Social Innovation Officer): reported comments and those
// hidden by reports, with their full text and the reasons given; each is restored or removed with a
// reason the audit log keeps.
import { useCallback, useId, useState } from "react";
import { Link } from "react-router-dom";
import { request } from "../../api/client";
import { MODERATION_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { Field, FormStatus, KeysetList, useKeysetPages, useMutationForm } from "../../forms";
import { useI18n, type MessageKey } from "../../i18n";
import type { ModerationDecision, ModerationQueueQuery } from "../../gql/graphql";
import { CommentText } from "./CommentText";
import { ModerateCommentDocument, ModerationQueueDocument } from "./documents";

type Item = ModerationQueueQuery["moderationQueue"]["edges"][number]["node"];

export function ModerationPage() {
  return <RoleGate gate={MODERATION_GATE} title="moderation.title">{() => <Queue />}</RoleGate>;
}

function Queue() {
  const { t } = useI18n();
  const fetchPage = useCallback(
    async (after: string | null, signal?: AbortSignal) => (await request(ModerationQueueDocument, { after }, { signal })).moderationQueue,
    [],
  );
  const list = useKeysetPages<Item>("queue", fetchPage);
  const [done, setDone] = useState<string>();
  return (
    <section className="page" data-testid="moderation-page">
      <h1>{t("moderation.title")}</h1>
      <p className="lead">{t("moderation.lead")}</p>
      <div role="status" aria-live="polite">{done && <p className="notice" data-testid="moderation-done">{done}</p>}</div>
      {list.totalCount !== null && <p>{t("moderation.count", { count: list.totalCount })}</p>}
      <KeysetList list={list} empty={t("moderation.empty")} moreTestId="moderation-more" moreLabel="moderation.more">
        {(rows) => (
          <ul className="comment-list">
            {rows.map((node) => (
              <li key={node.id}>
                <QueueItem item={node} onDone={(text) => { setDone(text); list.refetch(); }} />
              </li>
            ))}
          </ul>
        )}
      </KeysetList>
    </section>
  );
}

function QueueItem({ item, onDone }: { item: Item; onDone: (text: string) => void }) {
  const { t, tEnum, dateTime } = useI18n();
  const uid = useId();
  const [reason, setReason] = useState("");
  const form = useMutationForm(ModerateCommentDocument, (r) => r.moderateComment);
  const decide = async (decision: ModerationDecision) => {
    const result = await form.run({ id: item.id, decision, reason });
    if (result.payload?.comment) onDone(t(`moderation.done.${decision}` as MessageKey));
  };
  return (
    <article className="comment panel" aria-labelledby={`${uid}-h`} data-testid="moderation-item" data-state={item.state}>
      <h2 id={`${uid}-h`} className="comment-meta">
        <span className="badge">{t(`commentState.${item.state}` as MessageKey)}</span>{" "}
        {t("moderation.reports", { count: item.openReportCount ?? 0 })}
      </h2>
      <p className="hint">
        {t("moderation.onAgenda")} {item.agenda ? <Link to={`/agendas/${item.agenda.id}`}>{item.agenda.title}</Link> : "—"}
        {" · "}
        {t("moderation.by")} {item.author?.displayName ?? "—"} ({tEnum("role", item.author?.role)}) ·{" "}
        <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
      </p>
      {item.body && <CommentText text={item.body} />}
      <ul className="chip-list">
        {item.reports.map((r, i) => (
          <li key={i} className="tag">
            {t(`report.reason.${r.reason}` as MessageKey)}
            {r.note && `: ${r.note}`}
          </li>
        ))}
      </ul>
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <Field id={`${uid}-reason`} label={t("moderation.reason")} hint={t("moderation.reasonHint")} error={form.fieldError("reason")} required mark="hidden">
          {(control) => <input {...control} type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormStatus form={form} />
        <div className="form-actions">
          <button type="button" className="button secondary" disabled={form.running} onClick={() => void decide("RESTORE")}>
            {t("moderation.restore")}
          </button>
          <button type="button" className="button danger" disabled={form.running} onClick={() => void decide("REMOVE")}>
            {t("moderation.remove")}
          </button>
        </div>
      </form>
    </article>
  );
}
