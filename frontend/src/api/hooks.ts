// Data hooks with the three states every screen shows (loading, error with retry, data) and a
// mutation hook that keeps UserErrors apart from failures.
import { useCallback, useEffect, useRef, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { request, type UserError } from "./client";

export type QueryState<T> = {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Fetch again (the retry button, or after a mutation changed what is shown). */
  refetch: () => void;
};

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options?: { skip?: boolean },
): QueryState<TResult> {
  const [data, setData] = useState<TResult | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(!options?.skip);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const skip = options?.skip ?? false;

  useEffect(() => {
    if (skip) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    request(document, JSON.parse(key) as TVariables, { signal: controller.signal })
      .then((result) => {
        if (controller.signal.aborted) return; // a newer request replaced this one
        setData(result);
        setLoading(false);
      })
      .catch((err: Error) => {
        if (controller.signal.aborted || err.name === "AbortError") return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [document, key, tick, skip]);

  const refetch = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, refetch };
}

type WithErrors = { errors: UserError[] };

export type MutationResult<P> = { payload?: P; errors: UserError[]; failure?: Error };

/** Runs a mutation whose payload (found by `pick`) carries `errors`. Never throws. */
export function useMutation<TResult, TVariables, P extends WithErrors>(
  document: TypedDocumentString<TResult, TVariables>,
  pick: (result: TResult) => P,
) {
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (variables: TVariables): Promise<MutationResult<P>> => {
      setRunning(true);
      try {
        const payload = pick(await request(document, variables));
        return { payload, errors: payload.errors };
      } catch (err) {
        return { errors: [], failure: err as Error };
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [document, pick],
  );
  return { run, running };
}

/** Calls `fn` once the value has stopped changing for `ms` (duplicate hints while typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
