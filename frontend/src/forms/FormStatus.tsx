// What a form says about its last attempt: the summary of the server's UserErrors (each in the
// reader's language) and, when the request itself failed, the failure with an offer to send again.
import { ErrorState } from "../components/States";
import { useI18n } from "../i18n";
import type { UserError } from "./errors";
import { useUserErrorText } from "./errorText";

export function FormErrors({ errors }: { errors: UserError[] }) {
  const { t } = useI18n();
  const text = useUserErrorText();
  if (!errors.length) return null;
  return (
    <div className="form-errors" role="alert" tabIndex={-1}>
      <p>{t("form.errorSummary")}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-code={e.code}>
            {text(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FormStatus({ form, onRetry }: { form: { errors: UserError[]; failure?: Error }; onRetry?: () => void }) {
  return (
    <>
      <FormErrors errors={form.errors} />
      {form.failure && <ErrorState error={form.failure} onRetry={onRetry} />}
    </>
  );
}
