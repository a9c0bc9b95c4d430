// Seoul's 25 districts coloured by how many agendas each has. Every district is a control with an
// accessible name that says its count ("종로구 의제 12건"), reachable by keyboard (Tab, then Enter or
// Space); a table beside the map gives the same numbers to screen readers and to anyone who prefers
// reading to comparing shades, and a legend says what each shade means. The shapes are a generated
// module of SVG paths (scripts/build_seoul_map.py), a few kilobytes.
import type { KeyboardEvent } from "react";
import { useLookups } from "../../api/lookups";
import { useI18n } from "../../i18n";
import { BUCKET_COLOURS, BUCKET_INK, bucketOf, buckets, countsByDistrict, DISTRICT_CODES, type DistrictCount } from "./districtCounts";
import { DISTRICT_SHAPES, MAP_HEIGHT, MAP_WIDTH } from "./seoulDistrictShapes";

type Props = {
  counts: readonly DistrictCount[];
  /** Shown in the table's caption and as the map's title. */
  caption: string;
  selected?: readonly string[];
  /** Filter in place: a district toggles (aria-pressed). */
  onToggle?: (code: string) => void;
  /** Or go somewhere: a district is a link-like control. */
  onOpen?: (code: string) => void;
  testId?: string;
};

export function DistrictMap({ counts, caption, selected = [], onToggle, onOpen, testId = "district-map" }: Props) {
  const { t, label, number } = useI18n();
  const lookups = useLookups();
  const byDistrict = countsByDistrict(counts);
  const legend = buckets(Math.max(0, ...Object.values(byDistrict)));
  const name = (code: string) => label(lookups?.districts.find((d) => d.code === code)) || code;
  const act = onToggle ?? onOpen;
  const onKey = (code: string) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      act?.(code);
    }
  };
  const titleId = `${testId}-title`;

  return (
    <div className="district-map" data-testid={testId}>
      <figure className="district-map-figure">
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="district-map-svg"
          role="group"
          aria-labelledby={titleId}
        >
          <title id={titleId}>{caption}</title>
          {DISTRICT_CODES.map((code) => {
            const shape = DISTRICT_SHAPES[code];
            const count = byDistrict[code];
            const bucket = bucketOf(count, legend);
            const isSelected = selected.includes(code);
            const accessibleName = t("map.district", { name: name(code), count });
            return (
              <path
                key={code}
                d={shape.d}
                fill={BUCKET_COLOURS[bucket]}
                className={isSelected ? "district selected" : "district"}
                data-district={code}
                data-count={count}
                role={act ? (onToggle ? "button" : "link") : "img"}
                tabIndex={act ? 0 : undefined}
                aria-label={accessibleName}
                aria-pressed={onToggle ? isSelected : undefined}
                onClick={act ? () => act(code) : undefined}
                onKeyDown={act ? onKey(code) : undefined}
              >
                <title>{accessibleName}</title>
              </path>
            );
          })}
          {DISTRICT_CODES.map((code) => {
            const { cx, cy } = DISTRICT_SHAPES[code];
            const count = byDistrict[code];
            return (
              <text key={code} x={cx} y={cy} className="district-count" fill={BUCKET_INK[bucketOf(count, legend)]} aria-hidden="true">
                {number(count)}
              </text>
            );
          })}
        </svg>
        <figcaption>
          <ul className="chart-legend district-legend" aria-label={t("map.legend")}>
            {legend.map((b) => (
              <li key={b.index}>
                <span className="swatch" style={{ background: BUCKET_COLOURS[b.index] }} aria-hidden="true" />
                {b.from === b.to ? t("map.legendOne", { count: b.from }) : t("map.legendRange", { from: b.from, to: b.to })}
              </li>
            ))}
          </ul>
          <p className="hint map-source">{t("map.source")}</p>
        </figcaption>
      </figure>
      <div className="table-scroll district-table" tabIndex={0} role="region" aria-label={t("map.table")}>
        <table data-testid={`${testId}-table`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("map.col.district")}</th>
              <th scope="col" className="num">{t("map.col.count")}</th>
            </tr>
          </thead>
          <tbody>
            {DISTRICT_CODES.map((code) => (
              <tr key={code} data-district={code} data-count={byDistrict[code]} className={selected.includes(code) ? "selected" : undefined}>
                <th scope="row">
                  {name(code)}
                  {selected.includes(code) && <span className="badge">{t("map.selected")}</span>}
                </th>
                <td className="num">{number(byDistrict[code])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
