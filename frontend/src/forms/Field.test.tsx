import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n";
import { Field } from "./Field";

// The tests run without a browser: read the static markup. `tag(html, id)` is the opening tag of the
// element with that id, `text(html, id)` its text (the fields' paragraphs hold plain text).
const render = (field: React.ReactElement) => renderToStaticMarkup(<I18nProvider>{field}</I18nProvider>);
const tag = (html: string, id: string) => html.match(new RegExp(`<\\w+[^>]*\\sid="${id}"[^>]*>`))?.[0] ?? "";
const attr = (html: string, id: string, name: string) => tag(html, id).match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;
const text = (html: string, id: string) => html.match(new RegExp(`\\sid="${id}"[^>]*>([^<]*)<`))?.[1] ?? null;
const labelText = (html: string) => (html.match(/<label[^>]*>(.*?)<\/label>/)?.[1] ?? "").replace(/<[^>]*>/g, "");

describe("a form field", () => {
  it("labels its control and says it is required, in Korean by default", () => {
    const html = render(
      <Field id="p-title" label="제목" required>
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(html).toContain('<label for="p-title">');
    expect(labelText(html)).toBe("제목 (필수)");
    expect(attr(html, "p-title", "aria-required")).toBe("true");
    expect(attr(html, "p-title", "aria-invalid")).toBeNull();
    expect(attr(html, "p-title", "aria-describedby")).toBeNull();
  });

  it("points its control at the hint and at the error, and marks it invalid", () => {
    const html = render(
      <Field id="p-body" label="내용" hint="20자 이상 써 주세요 ✍️" error="너무 짧습니다.">
        {(control) => <textarea {...control} />}
      </Field>,
    );
    expect(attr(html, "p-body", "aria-invalid")).toBe("true");
    const ids = attr(html, "p-body", "aria-describedby")!.split(" ");
    expect(ids.map((id) => text(html, id))).toEqual(["20자 이상 써 주세요 ✍️", "너무 짧습니다."]);
    expect(attr(html, ids[1], "class")).toBe("field-error");
  });

  it("keeps the required mark for screen readers only when asked to", () => {
    const html = render(
      <Field id="kpi" label="목표값" required mark="hidden">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(html.replace(/<!-- -->/g, "")).toContain('<span class="visually-hidden"> (필수)</span>');
  });
});
