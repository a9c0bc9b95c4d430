import { describe, expect, it } from "vitest";
import { navFor } from "./navItems";
import { routeTitleKey } from "./pageTitle";

describe("every page's own title", () => {
  it("comes from its route, the most specific first", () => {
    expect(routeTitleKey("/")).toBe("title.home");
    expect(routeTitleKey("/cases/new")).toBe("title.publishCase");
    expect(routeTitleKey("/cases/12")).toBe("title.cases");
    expect(routeTitleKey("/admin/mail")).toBe("title.adminMail");
    expect(routeTitleKey("/triage/agendas/3")).toBe("title.triageAgenda");
    expect(routeTitleKey("/research/review/7")).toBe("title.review");
    expect(routeTitleKey("/no/such/page")).toBeNull();
  });
});

describe("the main menu", () => {
  const paths = (role: string | null, signedIn: boolean) => navFor(role, signedIn).map((i) => i.to);

  it("shows each role its areas, including review and admin", () => {
    expect(paths(null, false)).toEqual(["/", "/propose", "/cases"]);
    expect(paths("CITIZEN", true)).toEqual(["/", "/propose", "/my", "/cases"]);
    expect(paths("RESEARCHER", true)).toEqual(["/", "/propose", "/my", "/workshops", "/progress", "/research/queue", "/cases"]);
    expect(paths("ADMIN", true)).toContain("/admin");
    expect(paths("ADMIN", true)).toContain("/research/queue");
    expect(paths("STAFF", true)).not.toContain("/admin");
  });
});
