import { addDays } from '../../lib/dates';
import { formatMonth } from '../../lib/format';
import type { ThemeSignal } from './themes.graphql';

/**
 * A signal on a line through the period: a band per qualifying window. Decorative: the
 * dates are in text beside it, and its escalations one link away (the escalation list).
 */
export function SignalTimeline({ signal, from, to }: { readonly signal: ThemeSignal; readonly from: string; readonly to: string }) {
  const width = 320;
  const height = 28;
  const labelled = height + 20;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Math.max(start + 86_400_000, Date.parse(`${to}T00:00:00Z`));
  const x = (instant: string) => Math.max(0, Math.min(width, ((Date.parse(instant) - start) / (end - start)) * width));
  return (
    <svg className="mini-timeline" width={width} height={labelled} viewBox={`0 0 ${width} ${labelled}`} aria-hidden="true" focusable="false">
      <line x1={0} x2={width} y1={height / 2} y2={height / 2} stroke="#505a5f" strokeWidth={1} />
      {signal.windows.map((window) => (
        <rect key={window.start} x={x(window.start)} y={height / 2 - 7} width={Math.max(2, x(window.end) - x(window.start))} height={14} fill="#c8d7e6" />
      ))}
      <text x={0} y={labelled - 4} fontSize={14} fill="#484949">
        {formatMonth(from, { short: true })}
      </text>
      <text x={width} y={labelled - 4} fontSize={14} fill="#484949" textAnchor="end">
        {formatMonth(addDays(to, -1), { short: true })}
      </text>
    </svg>
  );
}
