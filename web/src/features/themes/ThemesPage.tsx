import { navigate, useLocation } from '../../app/router';
import { SessionEnded } from '../auth/SessionEnded';
import { panelState, useAnalytics } from '../analytics/use-analytics';
import { useFilters } from '../filters/use-filters';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { CategoriesOverTime } from './CategoriesOverTime';
import { MatrixPanel } from './MatrixPanel';
import { SilentAgenciesPanel } from './SilentAgenciesPanel';
import { PREVIOUS_PERIODS } from './silent-agencies';
import { SILENT_AGENCIES } from './silent-agencies.graphql';
import { ThemeSignalsPanel } from './ThemeSignalsPanel';
import { chosenInterval } from './theme-findings';
import { THEME_SIGNALS, THEMES, type ThemeInterval } from './themes.graphql';

/** "What keeps recurring?": categories over time, between which agencies, and the signals worth the strategic log. */
export function ThemesPage() {
  const { viewer } = useDashboardContext();
  const { range, filters } = useFilters();
  const { pathname, search } = useLocation();
  const interval = chosenInterval(new URLSearchParams(search).get('interval'), range);
  const themes = useAnalytics(THEMES, { interval });
  const signals = useAnalytics(THEME_SIGNALS, {});
  const themesState = panelState(themes, (data) => data.themes.cohort.escalations.value === 0);
  const signalsState = panelState(signals, () => false);
  const silent = useAnalytics(SILENT_AGENCIES, { previousPeriods: PREVIOUS_PERIODS });
  const silentState = panelState(silent, () => false);
  const setInterval = (next: ThemeInterval) => {
    const params = new URLSearchParams(search);
    params.set('interval', next.toLowerCase());
    const query = params.toString();
    navigate(query ? `${pathname}?${query}` : pathname, { replace: true });
  };
  if (themes.signedOut || signals.signedOut || silent.signedOut) return <SessionEnded />;
  const data = themes.data?.themes;
  return (
    <>
      <PageHeader title="Themes" lead="Which kinds of disagreement keep coming back, and between which agencies." />
      <CategoriesOverTime state={themesState} data={data} interval={interval} onInterval={setInterval} />
      <ThemeSignalsPanel state={signalsState} signals={signals.data?.themeSignals.signals ?? []} range={range} linkEscalations={viewer.seesRecordLevelDetail} addToLog={viewer.role === 'BUSINESS_UNIT'} />
      <MatrixPanel
        state={themesState}
        matrix={data?.agencyPairs}
        question="Between which agencies do disagreements arise?"
        caption="Escalations by raising agency (rows) and receiving agency (columns)"
        corner="Raised by ↓ with →"
        finding={(row, column, display) => `Most often raised by ${row} with ${column} (${display})`}
        fallbackTitle="Escalations between agencies"
      />
      <MatrixPanel
        state={themesState}
        matrix={data?.categoryByReceiving}
        question="Which kinds of disagreement arise with which agencies?"
        caption="Escalations by category (rows) and receiving agency (columns)"
        corner="Category ↓ with →"
        finding={(row, column, display) => `“${row}” with ${column} is the most frequent pairing (${display})`}
        fallbackTitle="Categories by receiving agency"
      />
      <SilentAgenciesPanel state={silentState} data={silent.data?.silentAgencies} raisingFiltered={filters.raisingAgencyId !== null} />
    </>
  );
}
