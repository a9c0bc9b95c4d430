// The bell in the header: "알림 3", read out as "읽지 않은 알림 3건", leading to the notifications page.
// The count sits beside the link's text, not in it: a link's visible words must be part of its
// accessible name (WCAG "label in name"), and "3" alone is not a word of "3건". Clicks on the count
// fall through to the link beneath it.
import { NavLink } from "react-router-dom";
import { useI18n } from "../i18n";
import { useUnread } from "./unread";

export function NotificationBell() {
  const { t, number } = useI18n();
  const { count } = useUnread();
  const unread = count ?? 0;
  return (
    <span className={unread > 0 ? "bell-wrap has-count" : "bell-wrap"} data-testid="bell" data-unread={unread}>
      <NavLink to="/notifications" className="bell" aria-label={unread > 0 ? t("bell.label", { count: unread }) : t("bell.labelNone")}>
        <span aria-hidden="true">🔔 </span>
        {t("bell.text")}
      </NavLink>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {number(unread)}
        </span>
      )}
    </span>
  );
}
