// One form field: its label, an optional hint, the control, and the error the server or the form
// found, wired together — the control is described by its hint and its error and marked invalid,
// so a screen reader hears why a field was refused when it reaches it.
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { describedBy } from "./errors";

/** What a field hands its control: spread it onto the input, textarea or select. */
export type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

/** The ids of a field's hint and error paragraphs, derived from the control's id. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function controlProps(id: string, opts: { hint?: boolean; error?: string; required?: boolean }): ControlProps {
  return {
    id,
    "aria-describedby": describedBy(opts.hint && hintId(id), opts.error && errorId(id)),
    "aria-invalid": opts.error ? true : undefined,
    "aria-required": opts.required ? true : undefined,
  };
}

/** How a required field says so: in words next to the label, only to screen readers, or not at all
 * (where every field of the form is required and the form says so once). */
export type RequiredMark = "visible" | "hidden" | "none";

export function Field({
  id,
  label,
  hint,
  error,
  required = false,
  mark = "visible",
  className,
  after,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  mark?: RequiredMark;
  className?: string;
  /** Shown between the control and its error (a character count). */
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className={className ? `form-row ${className}` : "form-row"}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredText mark={mark} />}
      </label>
      {hint && (
        <p className="hint" id={hintId(id)}>
          {hint}
        </p>
      )}
      {children(controlProps(id, { hint: !!hint, error, required }))}
      {after}
      <FieldError id={errorId(id)} error={error} />
    </div>
  );
}

function RequiredText({ mark }: { mark: RequiredMark }) {
  const { t } = useI18n();
  if (mark === "none") return null;
  if (mark === "hidden") return <span className="visually-hidden"> ({t("form.required")})</span>;
  return (
    <>
      {" "}
      <span className="hint">({t("form.required")})</span>
    </>
  );
}

/** The error line of a field or a group (a fieldset points at it with aria-describedby). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      {error}
    </p>
  );
}
