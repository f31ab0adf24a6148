import { Link } from '../../app/router';
import type { PageDefinition, PageKey } from './pages';

interface PrimaryNavProps {
  readonly pages: readonly PageDefinition[];
  readonly current: PageKey | null;
  /** The current query string, carried from page to page so that the filters stay as chosen. */
  readonly filterQuery: string;
}

/** The pages this role may use, and only those; the current one marked for assistive technology too. */
export function PrimaryNav({ pages, current, filterQuery }: PrimaryNavProps) {
  return (
    <nav className="primary-nav" aria-label="Pages">
      <div className="width-container">
        <ul className="primary-nav__list">
          {pages.map((page) => (
            <li key={page.key} className="primary-nav__item">
              <Link
                className="primary-nav__link"
                to={page.filtered && filterQuery ? `${page.path}?${filterQuery}` : page.path}
                aria-current={page.key === current ? 'page' : undefined}
              >
                {page.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
