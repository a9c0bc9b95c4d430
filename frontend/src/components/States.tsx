// Loading, empty and error states, so no screen is ever blank: a lost network offers a retry.
import type { ReactNode } from "react";
import { ApiError, NetworkError } from "../api/client";
import { useI18n } from "../i18n";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t("state.loading")}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="state state-empty">{children ?? t("state.empty")}</p>;
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const message =
    error instanceof NetworkError
      ? t("state.networkError")
      : error instanceof ApiError && error.status === 401
        ? t("state.loginRequired")
        : t("state.serverError", { message: error.message });
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}

/** Renders loading / error-with-retry / children(data). */
export function Async<T>({
  state,
  children,
}: {
  state: { data: T | undefined; error: Error | undefined; loading: boolean; refetch: () => void };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.refetch} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
