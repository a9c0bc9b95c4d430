// The notifications page: newest first, unread ones marked, each leading to its agenda (opening one
// marks it read); "mark all as read", an unread-only view, and more pages on request.
import { useCallback, useState, type MouseEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { request } from "../../api/client";
import { useMutation } from "../../api/hooks";
import { ACCOUNT_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { FilterBar, FilterCheck, KeysetList, useKeysetPages } from "../../forms";
import { useI18n } from "../../i18n";
import type { NotificationsQuery } from "../../gql/graphql";
import { MarkReadDocument, NotificationsDocument } from "../../notifications/documents";
import { useUnread } from "../../notifications/unread";
import { markRead } from "../../notifications/read";

type Item = NotificationsQuery["notifications"]["edges"][number]["node"];
const PAGE_SIZE = 20;

export function NotificationsPage() {
  return <RoleGate gate={ACCOUNT_GATE} title="notifications.title">{() => <NotificationList />}</RoleGate>;
}

function NotificationList() {
  const { t } = useI18n();
  const unread = useUnread();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [said, setSaid] = useState<string>();
  const fetchPage = useCallback(
    async (after: string | null, signal?: AbortSignal) =>
      (await request(NotificationsDocument, { first: PAGE_SIZE, after, unreadOnly }, { signal })).notifications,
    [unreadOnly],
  );
  const list = useKeysetPages<Item>(String(unreadOnly), fetchPage);
  const mark = useMutation(MarkReadDocument, (r) => r.markNotificationsRead);

  const markAll = async () => {
    const result = await mark.run({ ids: null, all: true });
    if (result.payload && !result.errors.length) {
      unread.set(result.payload.unreadCount);
      list.update((rows) => markRead(rows, null, new Date().toISOString()));
      setSaid(t("notifications.markedAll"));
    } else {
      setSaid(result.failure ? t("state.networkError") : result.errors[0]?.message);
    }
  };

  // Opening a notification marks it read first, so the bell is right on the agenda page.
  const open = async (e: MouseEvent<HTMLAnchorElement>, item: Item, to: string) => {
    if (item.readAt || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const result = await mark.run({ ids: [item.id], all: false });
    if (result.payload && !result.errors.length) unread.set(result.payload.unreadCount);
    navigate(to);
  };

  const count = unread.count ?? 0;
  return (
    <section className="page notifications-page">
      <h1>{t("notifications.title")}</h1>
      <p className="page-lead">
        {t("notifications.lead")} <Link to="/settings/notifications">{t("notifications.settings")}</Link>
      </p>
      <FilterBar>
        <FilterCheck label={t("notifications.unreadOnly")} checked={unreadOnly} onChange={setUnreadOnly} testId="unread-only" />
        <span data-testid="unread-count" aria-live="polite">
          {t("notifications.unreadCount", { count })}
        </span>
        <button type="button" className="button secondary" onClick={markAll} disabled={mark.running || count === 0} data-testid="mark-all">
          {t("notifications.markAll")}
        </button>
      </FilterBar>
      {said && (
        <p role="status" className="hint">
          {said}
        </p>
      )}
      <KeysetList list={list} empty={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")} moreTestId="notifications-more">
        {(rows) => (
          <ul className="notification-list" data-testid="notifications">
            {rows.map((n) => (
              <NotificationRow key={n.id} item={n} onOpen={open} />
            ))}
          </ul>
        )}
      </KeysetList>
    </section>
  );
}

function NotificationRow({ item: n, onOpen }: { item: Item; onOpen: (e: MouseEvent<HTMLAnchorElement>, item: Item, to: string) => void }) {
  const { t, relative, dateTime } = useI18n();
  const to = n.agenda ? `/agendas/${n.agenda.id}` : null;
  return (
    <li className={n.readAt ? "notification card" : "notification card unread"} data-notification-id={n.id} data-kind={n.kind} data-read={n.readAt ? "true" : "false"}>
      <h2>
        {!n.readAt && <span className="badge unread-badge">{t("notifications.unread")}</span>}{" "}
        {to ? (
          <Link to={to} onClick={(e) => onOpen(e, n, to)}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </h2>
      <p>{n.body}</p>
      <p className="meta">
        <time dateTime={n.createdAt} title={dateTime(n.createdAt)}>
          {relative(n.createdAt)}
        </time>
        {n.agenda ? <span>{n.agenda.title}</span> : <span className="hint">{t("notifications.agendaGone")}</span>}
      </p>
    </li>
  );
}
