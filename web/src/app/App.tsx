import { ProtocolsPage } from '../features/protocols/ProtocolsPage';

const MAIN_ID = 'main-content';

export function App() {
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
        </div>
      </header>
      <div className="width-container">
        <main id={MAIN_ID} className="main" tabIndex={-1}>
          <ProtocolsPage />
        </main>
      </div>
      <footer className="app-footer">
        <div className="width-container">
          <p>
            Protocols are recorded from each partnership&rsquo;s own Resolution and Escalation Protocol. Timescales
            marked &ldquo;Local target&rdquo; are set by the partnership, not by the document.
          </p>
        </div>
      </footer>
    </>
  );
}
