// The reference lists every page needs (policy fields, districts, departments), fetched once.
import { createContext, useContext, type ReactNode } from "react";
import { graphql } from "../gql";
import type { LookupsQuery } from "../gql/graphql";
import { useQuery } from "./hooks";

const LookupsDocument = graphql(`
  query Lookups {
    policyFields { code ko en zh }
    channels { code ko en zh }
    districts { code ko en zh }
    departments { code name nameEn }
  }
`);

export type Lookups = LookupsQuery;
const LookupsContext = createContext<Lookups | undefined>(undefined);

export function LookupsProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(LookupsDocument);
  return <LookupsContext.Provider value={data}>{children}</LookupsContext.Provider>;
}

/** Undefined until loaded; pages fall back to codes meanwhile. */
export function useLookups(): Lookups | undefined {
  return useContext(LookupsContext);
}
