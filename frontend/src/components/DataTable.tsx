import type { ReactNode } from "react";

/** A column header: its text, or its text with a class (`num` right-aligns) or for screen readers only. */
export type Column = string | { label: string; className?: string; hiddenLabel?: boolean };

/**
 * One list table as every list page shows it: scrollable sideways on a phone, a caption (shown, or
 * for screen readers only), column headers with `scope="col"`, the rows given as children. The
 * pages wrote this markup out by hand, each a little differently; a header's scope or a caption
 * forgotten on one of them is an accessibility bug on that page only.
 */
export function DataTable({
  testId,
  className,
  caption,
  captionHidden = false,
  columns,
  live = false,
  scroll = true,
  children,
}: {
  testId: string;
  className?: string;
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column[];
  /** announce changes of the rows (a list that filters as you choose) */
  live?: boolean;
  /** inside a sideways-scrolling box (off for a small table inside a card) */
  scroll?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className={className} data-testid={testId}>
      <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => {
            const col = typeof c === "string" ? { label: c } : c;
            return (
              <th key={col.label} scope="col" className={col.className}>
                {col.hiddenLabel ? <span className="visually-hidden">{col.label}</span> : col.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    <div className="table-scroll" aria-live={live ? "polite" : undefined}>
      {table}
    </div>
  );
}
