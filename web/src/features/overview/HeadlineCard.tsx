import { Link } from '../../app/router';
import { Sparkline } from '../../charts/Sparkline';
import type { Headline } from './headlines';

/** One headline figure: what it counts, the number, its change on the previous period, a sparkline by month, and where to read more. */
export function HeadlineCard({ headline, href, monthsLabel }: { readonly headline: Headline; readonly href: string; readonly monthsLabel: string }) {
  return (
    <li className="headline">
      <h2 className="headline__label" id={`headline-${headline.key}`}>
        {headline.label}
      </h2>
      <p className="headline__value">{headline.value}</p>
      {headline.detail && <p className="headline__detail">{headline.detail}</p>}
      <p className="headline__change">{headline.change}</p>
      <Sparkline points={headline.sparkline.map((value, index) => ({ label: String(index), value }))} max={headline.sparkMax} width={220} height={44} />
      <p className="visually-hidden">{`Month by month, ${monthsLabel}: ${headline.sparkline.map((value) => (value === null ? 'not shown' : headline.sparkMax === 1 ? `${Math.round(value * 100)}%` : String(value))).join(', ')}.`}</p>
      <p className="headline__link">
        <Link to={href}>{headline.linkText}</Link>
      </p>
    </li>
  );
}
