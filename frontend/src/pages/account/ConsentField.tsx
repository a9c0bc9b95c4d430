// The personal-data consent (개인정보 수집·이용 동의) a Korean public site asks for at registration:
// what is collected, why, for how long, that one may refuse (and what refusing costs), and a box
// that must be ticked. The server records the consent with its version and refuses a registration
// without it; the form says so first.
import { controlProps, errorId, FieldError, hintId } from "../../forms";
import { useI18n } from "../../i18n";

export const CONSENT_ID = "reg-consent";

export function ConsentField({ checked, onChange, error }: { checked: boolean; onChange: (checked: boolean) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="consent">
      <legend>{t("consent.title")}</legend>
      <ul className="hint" id={hintId(CONSENT_ID)}>
        <li>{t("consent.items")}</li>
        <li>{t("consent.purpose")}</li>
        <li>{t("consent.retention")}</li>
      </ul>
      <p className="hint">{t("consent.refuse")}</p>
      <label className="choice">
        <input
          {...controlProps(CONSENT_ID, { hint: true, error, required: true })}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />{" "}
        {t("consent.agree")} <span className="hint">({t("form.required")})</span>
      </label>
      <FieldError id={errorId(CONSENT_ID)} error={error} />
    </fieldset>
  );
}
