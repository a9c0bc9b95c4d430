// One hook for the errors/failure state of a form that sends a mutation, so each form says only what
// it sends and what it does on success.
import { useCallback, useReducer } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { useMutation, type MutationResult } from "../api/hooks";
import { errorFor, formErrorsReducer, NO_ERRORS, type UserError } from "./errors";
import { useUserErrorText } from "./errorText";

export type FormErrorsHandle = {
  errors: UserError[];
  failure: Error | undefined;
  /** The message for one field, in the reader's language, or undefined. */
  fieldError: (field: string) => string | undefined;
  /** Takes a result: its UserErrors, or its failure. */
  settle: (result: Pick<MutationResult<unknown>, "errors" | "failure">) => void;
  /** Refuses before sending (a check the form makes itself), with errors shaped like the server's. */
  reject: (errors: UserError[]) => void;
  reset: () => void;
};

/** The errors/failure state alone, for forms that send through something other than useMutation. */
export function useFormErrors(): FormErrorsHandle {
  const [state, dispatch] = useReducer(formErrorsReducer, NO_ERRORS);
  const errorText = useUserErrorText();
  const fieldError = useCallback(
    (field: string) => {
      const e = errorFor(state.errors, field);
      return e ? errorText(e) : undefined;
    },
    [state.errors, errorText],
  );
  const settle = useCallback((result: Pick<MutationResult<unknown>, "errors" | "failure">) => dispatch({ type: "settle", result }), []);
  const reject = useCallback((errors: UserError[]) => dispatch({ type: "reject", errors }), []);
  const reset = useCallback(() => dispatch({ type: "reset" }), []);
  return { errors: state.errors, failure: state.failure, fieldError, settle, reject, reset };
}

/** A mutation and its form's errors: `run` runs it, records the outcome, and returns the result. */
export function useMutationForm<TResult, TVariables, P extends { errors: UserError[] }>(
  document: TypedDocumentString<TResult, TVariables>,
  pick: (result: TResult) => P,
) {
  const { run, running } = useMutation(document, pick);
  const form = useFormErrors();
  const { settle } = form;
  const runAndSettle = useCallback(
    async (variables: TVariables): Promise<MutationResult<P>> => {
      const result = await run(variables);
      settle(result);
      return result;
    },
    [run, settle],
  );
  return { ...form, run: runAndSettle, running };
}
