import { Link } from '../../app/router';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { formatDate, pluralise } from '../../lib/format';
import { AddToLogButton } from '../strategic-log/AddToLogButton';
import type { DateRange } from '../filters/period';
import { SignalTimeline } from './SignalTimeline';
import { signalEscalationsHref } from './theme-findings';
import type { ThemeSignal } from './themes.graphql';

interface ThemeSignalsPanelProps {
  readonly state: PanelState;
  readonly signals: readonly ThemeSignal[];
  readonly range: DateRange;
  /** Whether the viewer may open the escalations (record-level roles). */
  readonly linkEscalations: boolean;
  /** Whether the viewer keeps the strategic log (business unit): each signal offers "Add to strategic log". */
  readonly addToLog?: boolean;
}

/** Recurring category and receiving-agency pairs: candidates for the strategic escalation log. */
export function ThemeSignalsPanel({ state, signals, range, linkEscalations, addToLog = false }: ThemeSignalsPanelProps) {
  const first = signals[0];
  return (
    <ChartPanel
      title={first ? `${pluralise(signals.length, 'recurring theme')}; the largest: “${first.categoryLabel}” with ${first.receivingAgencyName}` : 'Recurring themes'}
      question="Which disagreements keep coming back with the same agency, and should go on the strategic log?"
      state={state.status === 'ready' && signals.length === 0 ? { status: 'empty', message: 'No category and receiving agency recurred often enough in the period to signal a theme.' } : state}
      tableBeneath
      table={
        <ol className="signal-list">
          {signals.map((signal) => (
            <li key={`${signal.partnershipId}-${signal.categoryCode}-${signal.receivingAgencyId}`} className="signal">
              <h3 className="heading-s signal__title">
                {signal.categoryLabel} <span className="muted">with</span> {signal.receivingAgencyName}
              </h3>
              <p className="signal__facts">
                <strong>{signal.escalationCount.display} escalations</strong> raised from {formatDate(signal.firstRaisedAt)} to {formatDate(signal.lastRaisedAt)}, at least {signal.minCount} within {signal.windowDays} days of each other.
              </p>
              <SignalTimeline signal={signal} from={range.from} to={range.to} />
              {linkEscalations && (
                <p>
                  <Link to={signalEscalationsHref(signal)}>
                    See the escalations<span className="visually-hidden"> of {signal.categoryLabel} with {signal.receivingAgencyName}</span>
                  </Link>
                </p>
              )}
              {addToLog && (
                <AddToLogButton
                  themeName={`${signal.categoryLabel} with ${signal.receivingAgencyName}`}
                  signal={{
                    partnershipId: signal.partnershipId,
                    categoryCode: signal.categoryCode,
                    receivingAgencyId: signal.receivingAgencyId,
                    from: range.from,
                    to: range.to,
                    minCount: signal.minCount,
                    windowDays: signal.windowDays,
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      }
      suppressed={signals.some((signal) => signal.escalationCount.suppressed)}
      footnotes={[
        'A theme signals when escalations of the same category with the same receiving agency are raised at least N times within W days (each partnership sets N and W). Shaded bands on each line mark those windows.',
      ]}
    />
  );
}
