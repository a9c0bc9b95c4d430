// The form kit: fields wired for screen readers, the errors/failure state of a mutation form, and
// how a form reports its last attempt.
export { Field, FieldError, controlProps, errorId, hintId, type ControlProps, type RequiredMark } from "./Field";
export { FormErrors, FormStatus } from "./FormStatus";
export { describedBy, errorFor, type UserError } from "./errors";
export { useUserErrorText } from "./errorText";
export { useFormErrors, useMutationForm, type FormErrorsHandle } from "./useMutationForm";
