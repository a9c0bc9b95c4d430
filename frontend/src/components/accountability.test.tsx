import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n";
import { DueDateNotice } from "./DueDate";
import { EventDetail } from "./EventDetail";

// Static markup, Korean (the default): what a reader sees, without the tags.
const say = (el: React.ReactElement) => renderToStaticMarkup(<I18nProvider>{el}</I18nProvider>).replace(/<[^>]*>/g, "");

// The end of 9 December 2026 in Seoul, as the server writes an answer deadline.
const DUE = "2026-12-09T14:59:59+00:00";

describe("an agenda's deadline, as the page says it", () => {
  it("gives the date and the working days left", () => {
    expect(say(<DueDateNotice agenda={{ status: "IN_TRIAGE", answerDueAt: DUE, answerWorkingDaysLeft: 6, overdue: false }} isProposer={false} />)).toBe(
      "답변 기한 2026. 12. 9. · 남은 근무일 6일",
    );
  });

  it("tells the proposer an answer restarts the clock", () => {
    const facts = { status: "NEEDS_INFO", answerDueAt: null, answerWorkingDaysLeft: 4, overdue: false };
    expect(say(<DueDateNotice agenda={facts} isProposer />)).toBe("답변하시면 처리 기한이 다시 시작됩니다 (남은 근무일 4일)");
    expect(say(<DueDateNotice agenda={facts} isProposer={false} />)).toContain("멈춰 있습니다");
  });

  it("says plainly when the deadline has passed", () => {
    expect(say(<DueDateNotice agenda={{ status: "IN_TRIAGE", answerDueAt: DUE, answerWorkingDaysLeft: 0, overdue: true }} isProposer={false} />)).toBe(
      "처리 기한 경과 · 기한 2026. 12. 9.",
    );
  });
});

describe("the new history events", () => {
  it("describe an escalation and a threshold from their data", () => {
    expect(say(<EventDetail kind="ESCALATED" data={{ due: DUE }} />)).toBe(
      "답변 기한(2026. 12. 9.)까지 결정이 없어 사회혁신담당관에게 보고되었습니다.",
    );
    expect(say(<EventDetail kind="THRESHOLD_REACHED" data={{ count: 50, action: "ANSWER" }} />)).toBe(
      "공감 50명에 도달해 부서가 공식 답변을 해야 합니다.",
    );
  });

  it("show an official answer as its author wrote it", () => {
    expect(say(<EventDetail kind="OFFICIAL_ANSWER" reason="내년 예산에 반영하겠습니다 🚌" data={{}} />)).toBe("내년 예산에 반영하겠습니다 🚌");
  });
});
