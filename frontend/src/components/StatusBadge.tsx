import { useI18n } from "../i18n";

export function StatusBadge({ status }: { status: string }) {
  const { tEnum } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{tEnum("status", status)}</span>;
}
