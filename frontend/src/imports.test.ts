// The app's modules import each other in one direction: a page's forms never import the page that
// renders them, and no two modules reach into each other. An import cycle makes load order matter
// and hides which module owns a concept, so this test finds any (type-only imports included).
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["/src/**/*.{ts,tsx}", "!/src/gql/**", "!/src/**/*.test.{ts,tsx}"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const IMPORT = /(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/gs;

function resolve(from: string, spec: string): string | undefined {
  const parts = from.split("/").slice(0, -1);
  for (const step of spec.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  const base = parts.join("/");
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((p) => p in sources);
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of Object.entries(sources)) {
    const deps = [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1] ?? m[2])).filter((d): d is string => !!d);
    graph.set(file, deps);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === "open") found.push([...path.slice(path.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the app's imports", () => {
  it("are read from the sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(importGraph().get("/src/pages/staff/TriagePanel.tsx")).toContain("/src/pages/staff/DecisionForms.tsx");
  });

  it("have no cycles", () => {
    expect(cycles(importGraph())).toEqual([]);
  });
});
