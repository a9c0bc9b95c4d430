// The one filter bar of a list page: a labelled row of filters. Given `onSearch` it is a search form
// (role "search") whose filters apply when sent — for typed queries, so that each keystroke does not
// fetch; without it a group whose filters apply as they change (selects, a checkbox). Each filter is
// a control wrapped in its label, so a screen reader and a test find it by its name.
import type { FormEvent, ReactNode } from "react";

export function FilterBar({
  label,
  onSearch,
  searchLabel,
  searchTestId,
  children,
}: {
  /** Names the bar for screen readers ("사용자 찾기"). */
  label?: string;
  /** Applies the filters (a search form with a submit button); omitted, filters apply as they change. */
  onSearch?: () => void;
  searchLabel?: string;
  searchTestId?: string;
  children: ReactNode;
}) {
  if (!onSearch)
    return (
      <div className="toolbar" role={label ? "group" : undefined} aria-label={label}>
        {children}
      </div>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={submit}>
      <div className="toolbar">
        {children}
        <button type="submit" className="button" data-testid={searchTestId}>
          {searchLabel}
        </button>
      </div>
    </form>
  );
}

export type FilterOption = { value: string; label: string };

/** A choice among options, with "any" (the empty value) first. */
export function FilterSelect({
  label,
  value,
  onChange,
  anyLabel,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
  options: FilterOption[];
  testId?: string;
}) {
  return (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Typed words (a name, an e-mail address). */
export function FilterSearch({
  label,
  value,
  onChange,
  maxLength = 100,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  testId?: string;
}) {
  return (
    <label>
      {label}{" "}
      <input type="search" maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

/** A yes/no filter ("읽지 않은 알림만"). */
export function FilterCheck({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string }) {
  return (
    <label className="inline-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} /> {label}
    </label>
  );
}
