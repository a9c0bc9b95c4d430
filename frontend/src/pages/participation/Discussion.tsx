// The discussion on an agenda page: the official answers apart at the top, then the comments
// (newest or oldest first, a page at a time) each with its replies. Signed-in readers with a
// confirmed address comment, reply, edit and delete their own, and report others'; the owner's
// staff mark a staff comment as the official answer. What is hidden or removed shows as such.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router-dom";
import { request } from "../../api/client";
import { useMutation } from "../../api/hooks";
import { useSession } from "../../auth/session";
import { VerificationBanner } from "../../auth/VerificationBanner";
import { Field, FormStatus, KeysetList, useFormErrors, useKeysetPages, useUserErrorText, type PageOf } from "../../forms";
import { useI18n, type MessageKey } from "../../i18n";
import type { CommentFieldsFragment, CommentOrder, CommentReportReason } from "../../gql/graphql";
import { CommentText } from "./CommentText";
import {
  AddCommentDocument,
  DeleteCommentDocument,
  DiscussionDocument,
  EditCommentDocument,
  MarkOfficialDocument,
  ReportCommentDocument,
} from "./documents";

export const COMMENT_MAX = 2_000;
const characters = (text: string) => [...text].length;

type CommentNode = CommentFieldsFragment & { replies?: CommentFieldsFragment[] };
const NO_COMMENTS: PageOf<CommentNode> = { edges: [], pageInfo: { hasNextPage: false } };

export function Discussion({ agendaId, open }: { agendaId: string; open: boolean }) {
  const { t, number } = useI18n();
  const [order, setOrder] = useState<CommentOrder>("NEWEST");
  // The first page brings the official answers with it; later pages only more comments.
  const [officials, setOfficials] = useState<CommentFieldsFragment[]>([]);
  const fetchPage = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      const agenda = (await request(DiscussionDocument, { id: agendaId, order, after }, { signal })).agenda;
      if (after === null) setOfficials(agenda?.officialAnswerComments ?? []);
      return agenda?.comments ?? NO_COMMENTS;
    },
    [agendaId, order],
  );
  const list = useKeysetPages<CommentNode>(`${agendaId}|${order}`, fetchPage);
  const reload = list.refetch;

  return (
    <section className="discussion" aria-labelledby="discussion-h" data-testid="discussion">
      <h2 id="discussion-h">
        {t("discussion.title")}
        {list.totalCount !== null && <span className="count"> · {t("discussion.count", { count: list.totalCount })}</span>}
      </h2>
      {officials.length > 0 && (
        <section className="official-comments" aria-labelledby="official-comments-h" data-testid="official-comments">
          <h3 id="official-comments-h">{t("discussion.official")}</h3>
          <ul className="comment-list">
            {officials.map((c) => (
              <li key={c.id}>
                <CommentView comment={c} agendaId={agendaId} onChanged={reload} apart />
              </li>
            ))}
          </ul>
        </section>
      )}
      <CommentForm agendaId={agendaId} open={open} onPosted={reload} />
      <div className="discussion-tools" role="group" aria-label={t("discussion.order")}>
        {(["NEWEST", "OLDEST"] as const).map((o) => (
          <button key={o} type="button" className="link-button" aria-pressed={order === o} onClick={() => setOrder(o)}
                  data-testid={`order-${o}`}>
            {t(`discussion.order.${o}` as MessageKey)}
          </button>
        ))}
      </div>
      <KeysetList list={list} empty={t("discussion.empty")} moreTestId="more-comments" moreLabel="discussion.more">
        {(nodes) => (
          <ul className="comment-list" data-testid="comments">
            {nodes.map((c) => (
              <li key={c.id} data-testid="comment-thread">
                <CommentView comment={c} agendaId={agendaId} onChanged={reload} canReply={open} />
                {c.replies && c.replies.length > 0 && (
                  <ul className="comment-list replies" aria-label={t("discussion.replies", { count: number(c.replies.length) })}>
                    {c.replies.map((r) => (
                      <li key={r.id}>
                        <CommentView comment={r} agendaId={agendaId} onChanged={reload} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </KeysetList>
    </section>
  );
}

function CommentForm({ agendaId, open, parentId, onPosted, onCancel }: {
  agendaId: string;
  open: boolean;
  parentId?: string;
  onPosted: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const location = useLocation();
  const uid = useId();
  const [body, setBody] = useState("");
  const [posted, setPosted] = useState(false);
  const form = useFormErrors();
  const add = useMutation(AddCommentDocument, (r) => r.addComment);
  if (!open) return parentId ? null : <p className="hint">{t("discussion.closed")}</p>;
  if (!me) {
    const next = encodeURIComponent(location.pathname);
    return (
      <p className="notice" data-testid="comment-login">
        <Link to={`/login?next=${next}`}>{t("discussion.loginPrompt")}</Link>
      </p>
    );
  }
  if (me.emailVerified === false) {
    return (
      <div data-testid="comment-verify">
        <p className="hint">{t("discussion.verifyPrompt")}</p>
        <VerificationBanner />
      </div>
    );
  }
  const length = characters(body.trim());
  const send = async () => {
    setPosted(false);
    if (length === 0 || length > COMMENT_MAX) {
      form.reject([{ field: "body", code: length === 0 ? "REQUIRED" : "TOO_LONG",
                     message: t(length === 0 ? "discussion.required" : "discussion.tooLong") }]);
      document.getElementById(`${uid}-body`)?.focus();
      return;
    }
    const result = await add.run({ input: { agendaId, body, parentId: parentId ?? null } });
    form.settle(result);
    if (result.errors.some((e) => e.code === "EMAIL_NOT_VERIFIED")) refresh();
    if (result.payload?.comment) {
      setBody("");
      setPosted(true);
      onPosted();
    }
  };
  return (
    <form className="form comment-form" noValidate data-testid={parentId ? "reply-form" : "comment-form"}
          onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <Field
        id={`${uid}-body`}
        label={t(parentId ? "discussion.replyField" : "discussion.field")}
        hint={parentId ? undefined : t("discussion.hint")}
        error={form.fieldError("body")}
        mark="hidden"
        required
        after={
          <p className={length > COMMENT_MAX ? "hint field-error" : "hint"} aria-live="polite">
            {t("discussion.counter", { count: length })}
          </p>
        }
      >
        {(control) => <textarea {...control} rows={parentId ? 2 : 3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <FormStatus form={form} onRetry={() => void send()} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={add.running}>
          {t(parentId ? "discussion.submitReply" : "discussion.submit")}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t("discussion.cancel")}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">{posted && <p className="hint">{t("discussion.posted")}</p>}</div>
    </form>
  );
}

const PLACEHOLDER: Record<string, MessageKey> = {
  DELETED: "discussion.deleted",
  HIDDEN: "discussion.hidden",
  REMOVED: "discussion.removed",
};
const STAFF_ROLES = new Set(["STAFF", "OFFICER", "ADMIN"]);

function CommentView({ comment: c, agendaId, onChanged, canReply = false, apart = false }: {
  comment: CommentFieldsFragment;
  agendaId: string;
  onChanged: () => void;
  canReply?: boolean;
  apart?: boolean;
}) {
  const { t, dateTime } = useI18n();
  const { me } = useSession();
  const errorText = useUserErrorText();
  const uid = useId();
  const [mode, setMode] = useState<"view" | "edit" | "reply" | "confirmDelete">("view");
  const [draft, setDraft] = useState(c.body ?? "");
  const [problem, setProblem] = useState<string>();
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(c.viewerHasReported);
  const edit = useFormErrors();
  const editRun = useMutation(EditCommentDocument, (r) => r.editComment);
  const del = useMutation(DeleteCommentDocument, (r) => r.deleteComment);
  const mark = useMutation(MarkOfficialDocument, (r) => r.markOfficialAnswer);
  const visible = c.state === "VISIBLE";
  const isMine = !!me && c.author?.id === me.id;

  const outcome = (result: { errors: { code: string; message: string; field?: string | null }[]; failure?: Error }) => {
    setProblem(result.failure ? t("state.networkError") : result.errors[0] && errorText(result.errors[0]));
    return !result.failure && result.errors.length === 0;
  };
  const save = async () => {
    const result = await editRun.run({ input: { id: c.id, body: draft } });
    edit.settle(result);
    if (result.payload?.comment) {
      setMode("view");
      onChanged();
    }
  };
  const remove = async () => {
    if (outcome(await del.run({ id: c.id }))) onChanged();
    setMode("view");
  };
  const toggleOfficial = async () => {
    if (outcome(await mark.run({ id: c.id, official: !c.isOfficialAnswer }))) onChanged();
  };

  return (
    <article className={`comment${c.isOfficialAnswer ? " official" : ""}${c.parentId ? " reply" : ""}`}
             aria-labelledby={`${uid}-by`} data-testid={apart ? "official-comment" : "comment"} data-state={c.state}>
      <p className="comment-meta">
        <strong id={`${uid}-by`}>{c.author?.displayName ?? t(PLACEHOLDER.DELETED)}</strong>
        {c.author && STAFF_ROLES.has(c.author.role) && <span className="badge">{t("discussion.staffBadge")}</span>}
        {c.isOfficialAnswer && <span className="badge official-badge">{t("discussion.officialBadge")}</span>}
        <time className="when" dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
        {c.editedAt && <span className="when"> · {t("discussion.edited")}</span>}
      </p>
      {!visible && (
        <p className="comment-placeholder" data-testid="comment-placeholder">
          {c.body && c.state === "HIDDEN" ? t("discussion.hiddenForModerator")
            : c.body && c.state === "REMOVED" ? t("discussion.removedForModerator") : t(PLACEHOLDER[c.state])}
        </p>
      )}
      {mode === "edit" ? (
        <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Field id={`${uid}-edit`} label={t("discussion.edit")} error={edit.fieldError("body")} mark="hidden" required>
            {(control) => <textarea {...control} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />}
          </Field>
          <FormStatus form={edit} onRetry={() => void save()} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={editRun.running}>{t("discussion.save")}</button>
            <button type="button" className="button secondary" onClick={() => setMode("view")}>{t("discussion.cancel")}</button>
          </div>
        </form>
      ) : (
        c.body && <CommentText text={c.body} />
      )}
      {mode !== "edit" && (
        <div className="comment-actions">
          {canReply && me && visible && !c.parentId && (
            <button type="button" className="link-button" onClick={() => setMode(mode === "reply" ? "view" : "reply")}
                    aria-expanded={mode === "reply"}>
              {t("discussion.reply")}
            </button>
          )}
          {c.viewerCanEdit && (
            <button type="button" className="link-button" onClick={() => { setDraft(c.body ?? ""); setMode("edit"); }}>
              {t("discussion.edit")}
            </button>
          )}
          {isMine && c.state !== "DELETED" && (mode === "confirmDelete" ? (
            <button type="button" className="link-button danger" onClick={() => void remove()} disabled={del.running}>
              {t("discussion.confirmDelete")}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => setMode("confirmDelete")}>
              {t("discussion.delete")}
            </button>
          ))}
          {c.viewerCanMarkOfficial && (
            <button type="button" className="link-button" onClick={() => void toggleOfficial()} disabled={mark.running}>
              {t(c.isOfficialAnswer ? "discussion.unmarkOfficial" : "discussion.markOfficial")}
            </button>
          )}
          {me && !isMine && visible && !apart && (reported ? (
            <span className="hint">{t("discussion.reported")}</span>
          ) : (
            <button type="button" className="link-button" onClick={() => setReporting(true)}>
              {t("discussion.report")}
            </button>
          ))}
        </div>
      )}
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {mode === "reply" && (
        <CommentForm agendaId={agendaId} open parentId={c.id} onCancel={() => setMode("view")}
                     onPosted={() => { setMode("view"); onChanged(); }} />
      )}
      {reporting && (
        <ReportDialog commentId={c.id} onClose={(done) => {
          setReporting(false);
          if (done) { setReported(true); onChanged(); }
        }} />
      )}
    </article>
  );
}

const REASONS: CommentReportReason[] = ["ABUSE", "SPAM", "PERSONAL_DATA", "FALSE_INFORMATION", "OFF_TOPIC", "OTHER"];

function ReportDialog({ commentId, onClose }: { commentId: string; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const uid = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<CommentReportReason>("ABUSE");
  const [note, setNote] = useState("");
  const form = useFormErrors();
  const report = useMutation(ReportCommentDocument, (r) => r.reportComment);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const send = async () => {
    const result = await report.run({ id: commentId, reason, note: note.trim() || null });
    form.settle(result);
    if (result.payload?.comment) {
      dialog.current?.close();
      onClose(true);
    }
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${uid}-h`} onCancel={() => onClose(false)} data-testid="report-dialog">
      <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <h2 id={`${uid}-h`}>{t("commentReport.title")}</h2>
        <p className="hint">{t("commentReport.lead")}</p>
        <fieldset>
          <legend>{t("report.reason")}</legend>
          {REASONS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name={`${uid}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />{" "}
              {t(`report.reason.${r}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <Field id={`${uid}-note`} label={t("report.note")} error={form.fieldError("note")}>
          {(control) => <textarea {...control} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormStatus form={form} onRetry={() => void send()} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={report.running}>{t("report.submit")}</button>
          <button type="button" className="button secondary" onClick={() => { dialog.current?.close(); onClose(false); }}>
            {t("discussion.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
