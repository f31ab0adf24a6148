import { seriesColour } from '../lib/palette';

/**
 * A texture per series, over its colour, so that series differ by more than colour
 * (DASHBOARD.md: "never colour alone"): solid, diagonal lines, dots, cross-hatch,
 * horizontal lines, vertical lines — in the palette's order.
 */
const TEXTURES = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'] as const;
export type Texture = (typeof TEXTURES)[number];

export function textureOf(index: number): Texture {
  return TEXTURES[index % TEXTURES.length]!;
}

export function patternId(prefix: string, index: number): string {
  return `${prefix}-pattern-${index}`;
}

/** The fill of series `index`: its colour, or its textured pattern. */
export function seriesFill(prefix: string, index: number): string {
  return textureOf(index) === 'solid' ? seriesColour(index) : `url(#${patternId(prefix, index)})`;
}

function TextureMarks({ texture }: { readonly texture: Texture }) {
  const mark = { stroke: '#fff', strokeWidth: 1.5 };
  switch (texture) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...mark} />;
    case 'dots':
      return <circle cx={4} cy={4} r={1.4} fill="#fff" />;
    case 'cross':
      return <path d="M0,0 L8,8 M8,0 L0,8" {...mark} strokeWidth={1} />;
    case 'horizontal':
      return <path d="M0,4 H8" {...mark} />;
    case 'vertical':
      return <path d="M4,0 V8" {...mark} />;
  }
}

/** The fill of a series that stands for counts too small to show: grey with dark stripes, outside the palette. */
export function mutedFill(prefix: string): string {
  return `url(#${prefix}-muted)`;
}

/** The patterns of `count` series, in an SVG of no size; charts refer to them by `seriesFill`. */
export function SeriesPatterns({ prefix, count }: { readonly prefix: string; readonly count: number }) {
  return (
    <svg width="0" height="0" className="chart-patterns" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${prefix}-muted`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} fill="#dcdcdc" />
          <path d="M0,0 V6" stroke="#3d3d3d" strokeWidth={2} />
        </pattern>
        {Array.from({ length: count }, (_, index) => (
          <pattern key={index} id={patternId(prefix, index)} width={8} height={8} patternUnits="userSpaceOnUse">
            <rect width={8} height={8} fill={seriesColour(index)} />
            <TextureMarks texture={textureOf(index)} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A key entry's swatch, drawn with the same fill as the series. */
export function Swatch({ fill }: { readonly fill: string }) {
  return (
    <svg className="chart-key__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect width={16} height={16} fill={fill} />
    </svg>
  );
}

/** The key above a chart: each series with its swatch, in the order drawn (bottom of the stack first). */
export function ChartKey({ items }: { readonly items: readonly { readonly label: string; readonly fill: string }[] }) {
  return (
    <ul className="chart-key">
      {items.map((item) => (
        <li key={item.label} className="chart-key__item">
          <Swatch fill={item.fill} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
