// The signed-in reader's unread-notification count, shared by the bell and the notifications page:
// asked again on every navigation and every minute while the page is visible (a hidden tab does not
// poll), and set directly from what markNotificationsRead answers so the bell never lags a click.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { request } from "../api/client";
import { useSession } from "../auth/session";
import { UnreadCountDocument } from "./documents";

export const POLL_MS = 60_000;

type Unread = { count: number | null; refresh: () => void; set: (count: number) => void };

const UnreadContext = createContext<Unread>({ count: null, refresh: () => {}, set: () => {} });

export function UnreadProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  // A count that arrives after a newer one was set (a slow poll racing a "mark read") is dropped.
  const generation = useRef(0);
  const signedIn = !!me;

  const refresh = useCallback(() => {
    if (!signedIn) return;
    const mine = ++generation.current;
    request(UnreadCountDocument)
      .then((r) => {
        if (generation.current === mine) setCount(r.unreadNotificationCount);
      })
      .catch(() => {
        /* the bell keeps its last count; the next navigation or minute asks again */
      });
  }, [signedIn]);

  const set = useCallback((next: number) => {
    generation.current++;
    setCount(next);
  }, []);

  useEffect(() => {
    if (!signedIn) {
      generation.current++;
      setCount(null);
    }
  }, [signedIn]);

  useEffect(() => {
    refresh();
  }, [refresh, pathname]);

  useEffect(() => {
    if (!signedIn) return;
    const tick = () => {
      if (document.visibilityState === "visible") refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [signedIn, refresh]);

  const value = useMemo(() => ({ count, refresh, set }), [count, refresh, set]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): Unread {
  return useContext(UnreadContext);
}
