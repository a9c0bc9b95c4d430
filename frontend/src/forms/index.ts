// The form kit: fields wired for screen readers, the errors/failure state of a mutation form, how a
// form reports its last attempt, and the filter bar and keyset-paged list of the list pages.
export { Field, FieldError, controlProps, errorId, hintId, type ControlProps, type RequiredMark } from "./Field";
export { FilterBar, FilterCheck, FilterSearch, FilterSelect, type FilterOption } from "./FilterBar";
export { FormErrors, FormStatus } from "./FormStatus";
export { describedBy, errorFor, type UserError } from "./errors";
export { useUserErrorText } from "./errorText";
export { KeysetList, MorePager, type KeysetListState } from "./KeysetList";
export { appendPage, type PageOf } from "./keysetPages";
export { useFormErrors, useMutationForm, type FormErrorsHandle } from "./useMutationForm";
export { useKeysetPages, type KeysetPages } from "./useKeysetPages";
