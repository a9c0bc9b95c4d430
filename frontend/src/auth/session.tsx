// Who is using the app. The browser keeps its session in the server's HttpOnly cookie (the app never
// sees the token), so "am I logged in" is always asked of the server with `me`.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { graphql } from "../gql";
import type { MeQuery } from "../gql/graphql";
import { request } from "../api/client";
import { useQuery } from "../api/hooks";
import { hasRole, TRIAGE_ROLES, WORKSHOP_ROLES } from "./roles";

export const MeDocument = graphql(`
  query Me {
    me { id displayName role email emailVerified departments { code name nameEn } }
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password, useCookie: true) {
      user { id displayName role }
      errors { field code message }
    }
  }
`);

const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      user { id }
      errors { field code message }
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout { logout { errors { code message } } }
`);

export type Me = NonNullable<MeQuery["me"]>;
export type AuthErrors = { field?: string | null; code: string; message: string }[];
/** What the registration form sends; `privacyConsent` is the personal-data consent box. */
export type Registration = { email: string; password: string; displayName: string; privacyConsent: boolean };

type Session = {
  me: Me | null;
  loading: boolean;
  error: Error | undefined;
  refresh: () => void;
  login: (email: string, password: string) => Promise<AuthErrors>;
  register: (input: Registration) => Promise<AuthErrors>;
  logout: () => Promise<void>;
  isStaff: boolean;
  isFacilitator: boolean;
};

const SessionContext = createContext<Session | null>(null);


export function SessionProvider({ children }: { children: ReactNode }) {
  const { data, loading, error, refetch } = useQuery(MeDocument);
  const me = data?.me ?? null;

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await request(LoginDocument, { email, password });
      if (result.login.errors.length === 0) refetch();
      return result.login.errors;
    },
    [refetch],
  );

  const register = useCallback(
    async (input: Registration) => {
      const result = await request(RegisterDocument, { input });
      if (result.register.errors.length) return result.register.errors;
      return login(input.email, input.password);
    },
    [login],
  );

  const logout = useCallback(async () => {
    await request(LogoutDocument);
    refetch();
  }, [refetch]);

  const value = useMemo<Session>(
    () => ({
      me,
      loading,
      error,
      refresh: refetch,
      login,
      register,
      logout,
      isStaff: hasRole(TRIAGE_ROLES, me?.role),
      isFacilitator: hasRole(WORKSHOP_ROLES, me?.role),
    }),
    [me, loading, error, refetch, login, register, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
