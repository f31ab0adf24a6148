import { formatNumber } from '../../lib/format';

/** Previous and next, with where the reader is: "Page 2 of 49". */
export function Pagination({ page, pages, onPage }: { readonly page: number; readonly pages: number; readonly onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages of escalations">
      {page > 1 && (
        <button type="button" className="button button--secondary" onClick={() => onPage(page - 1)}>
          <span aria-hidden="true">← </span>Previous<span className="visually-hidden"> page</span>
        </button>
      )}
      <p className="pagination__where">
        Page {formatNumber(page)} of {formatNumber(pages)}
      </p>
      {page < pages && (
        <button type="button" className="button button--secondary" onClick={() => onPage(page + 1)}>
          Next<span className="visually-hidden"> page</span>
          <span aria-hidden="true"> →</span>
        </button>
      )}
    </nav>
  );
}
