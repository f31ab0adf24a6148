import { useId, useState, type ReactNode } from 'react';
import { LoadError } from '../components/QueryStatus';
import { SUPPRESSION_FOOTNOTE } from '../lib/suppression';

/** Where a chart's data is: on its way, failed, arrived with nothing in it, or ready to draw. */
export type PanelState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly detail: string; readonly onRetry: () => void }
  | { readonly status: 'empty'; readonly message?: string }
  | { readonly status: 'ready' };

interface ChartPanelProps {
  /** The finding, when the data states one ("Compliance with … fell to 71%"); the topic otherwise. */
  readonly title: string;
  /** The question the chart answers, as its subtitle. */
  readonly question: string;
  readonly state: PanelState;
  /** One or two sentences a screen reader announces in place of the picture. */
  readonly summary?: string;
  /** The chart itself (hidden from assistive technology, which gets the summary and the table). */
  readonly chart?: ReactNode;
  /** The chart's data as a table, with units in its headers. */
  readonly table?: ReactNode;
  /** Show the table beneath the chart instead of behind a toggle. */
  readonly tableBeneath?: boolean;
  /** Whether any count is suppressed: adds the "<5" footnote. */
  readonly suppressed?: boolean;
  readonly footnotes?: readonly ReactNode[];
  /** Controls that change what the chart shows (months or quarters…), above it and never hidden from assistive technology. */
  readonly controls?: ReactNode;
  /** A link onward ("See how far up the ladder they go"). */
  readonly more?: ReactNode;
  readonly headingLevel?: 2 | 3;
  readonly className?: string;
}

/**
 * One chart as a figure a meeting can read: the finding as its title, the question as
 * its subtitle, the picture (with a summary sentence for screen readers), its data as a
 * table behind a toggle, and footnotes — with loading, error and empty states in place.
 */
export function ChartPanel(props: ChartPanelProps) {
  const { title, question, state, summary, chart, table, tableBeneath = false, suppressed = false, footnotes = [], controls, more, headingLevel = 2 } = props;
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const notes = suppressed && state.status === 'ready' ? [SUPPRESSION_FOOTNOTE, ...footnotes] : footnotes;
  const showToggle = state.status === 'ready' && chart !== undefined && table !== undefined && !tableBeneath;

  return (
    <section className={`chart-panel${props.className ? ` ${props.className}` : ''}`} aria-labelledby={`${id}-title`}>
      <Heading className={headingLevel === 2 ? 'heading-m chart-panel__title' : 'heading-s chart-panel__title'} id={`${id}-title`}>
        {title}
      </Heading>
      <p className="chart-panel__question">{question}</p>
      {showToggle && (
        <div className="view-toggle" role="group" aria-label={`Show “${title}” as`}>
          <button type="button" className="view-toggle__button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            Chart
          </button>
          <button type="button" className="view-toggle__button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </div>
      )}
      {controls && state.status === 'ready' && <div className="chart-panel__controls">{controls}</div>}
      <PanelBody state={state} summary={summary} chart={chart} table={table} view={tableBeneath ? 'both' : view} />
      {notes.length > 0 && (
        <div className="chart-panel__notes">
          <ul className="footnotes" aria-label="Notes">
            {notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {more && state.status === 'ready' && <p className="chart-panel__more">{more}</p>}
    </section>
  );
}

interface PanelBodyProps {
  readonly state: PanelState;
  readonly summary: string | undefined;
  readonly chart: ReactNode;
  readonly table: ReactNode;
  readonly view: 'chart' | 'table' | 'both';
}

function PanelBody({ state, summary, chart, table, view }: PanelBodyProps) {
  switch (state.status) {
    case 'loading':
      return (
        <div className="chart-panel__placeholder" role="status">
          Loading…
        </div>
      );
    case 'error':
      return <LoadError title="These figures could not be loaded" detail={state.detail} onRetry={state.onRetry} />;
    case 'empty':
      return <p className="chart-panel__empty">{state.message ?? 'No escalations match these filters.'}</p>;
    case 'ready':
      return (
        <>
          {summary && <p className="chart-panel__summary visually-hidden">{summary}</p>}
          {chart !== undefined && view !== 'table' && (
            <div className="chart-panel__chart" aria-hidden="true">
              {chart}
            </div>
          )}
          {(view !== 'chart' || chart === undefined) && table}
        </>
      );
  }
}
