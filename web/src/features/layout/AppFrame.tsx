import { useEffect, type ReactNode } from 'react';

export const MAIN_ID = 'main-content';

interface AppFrameProps {
  /** The page's name, for the document title. */
  readonly title: string;
  /** The account line, right of the service name. */
  readonly account?: ReactNode;
  /** Navigation and filters, between the header and the page. */
  readonly beforeMain?: ReactNode;
  readonly children: ReactNode;
}

/** The skip link, header, main landmark and footer around every page, signed in or not. */
export function AppFrame({ title, account, beforeMain, children }: AppFrameProps) {
  useEffect(() => {
    document.title = `${title} – Escalation Insights`;
  }, [title]);

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="width-container app-header__inner">
          <a className="app-header__name" href="/">
            Escalation Insights
          </a>
          <p className="app-header__tagline">Resolution and escalation across safeguarding partnerships</p>
          {account}
        </div>
      </header>
      {beforeMain}
      <div className="width-container">
        <main id={MAIN_ID} className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="app-footer">
        <div className="width-container">
          <p>
            Figures count escalations by the date they were raised. Counts from 1 to 4 are shown as &ldquo;&lt;5&rdquo; to
            roles that do not work with individual records. Timescales marked &ldquo;Local target&rdquo; are set by the
            partnership, not by its protocol document.
          </p>
        </div>
      </footer>
    </>
  );
}
