import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n";
import { ConsentField } from "./ConsentField";

// Static markup without a browser: the text a reader sees, and the checkbox's opening tag.
const render = (el: React.ReactElement) => renderToStaticMarkup(<I18nProvider>{el}</I18nProvider>);
const words = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
const checkbox = (html: string) => html.match(/<input[^>]*type="checkbox"[^>]*>/)?.[0] ?? "";

describe("the personal-data consent at registration", () => {
  it("says what is collected, why and for how long, in Korean by default", () => {
    const text = words(render(<ConsentField checked={false} onChange={() => {}} />));
    expect(text).toContain("개인정보 수집·이용 동의");
    expect(text).toContain("수집 항목: 이메일, 표시 이름");
    expect(text).toContain("이용 목적: 의제 제안·공감, 진행 소식 알림");
    expect(text).toContain("보유 기간: 회원 탈퇴 시까지");
    expect(text).toContain("동의하지 않으면 가입할 수 없습니다");
  });

  it("is a required box described by the notice, and marked invalid with the reason when refused", () => {
    const fresh = checkbox(render(<ConsentField checked={false} onChange={() => {}} />));
    expect(fresh).toContain('aria-required="true"');
    expect(fresh).toContain('aria-describedby="reg-consent-hint"');
    expect(fresh).not.toContain("aria-invalid");

    const html = render(<ConsentField checked={false} onChange={() => {}} error="개인정보 수집·이용에 동의해야 가입할 수 있습니다." />);
    expect(checkbox(html)).toContain('aria-invalid="true"');
    expect(checkbox(html)).toContain('aria-describedby="reg-consent-hint reg-consent-error"');
    expect(html).toMatch(/id="reg-consent-error"[^>]*>개인정보 수집·이용에 동의해야 가입할 수 있습니다\.</);
  });
});
