import { CategoryList } from './CategoryList';
import { partnershipAnchor } from './format';
import { JURISDICTION_LABELS, URGENCY_LABELS } from './labels';
import { ProtocolLadder } from './ProtocolLadder';
import type { LadderProtocol, PartnershipLadder } from './protocols.graphql';
import { TimescaleRulesTable } from './TimescaleRulesTable';

/** One partnership: its active protocol's facts, ladder, categories and timescales. */
export function PartnershipProtocol({ partnership }: { partnership: PartnershipLadder }) {
  const headingId = `${partnershipAnchor(partnership.code)}-heading`;
  const protocol = partnership.activeProtocol;

  return (
    <section className="partnership" id={partnershipAnchor(partnership.code)} aria-labelledby={headingId}>
      <h2 className="heading-l partnership__title" id={headingId}>
        {partnership.name}
      </h2>
      {protocol ? (
        <ProtocolDetails partnershipName={partnership.name} jurisdiction={JURISDICTION_LABELS[partnership.jurisdiction]} protocol={protocol} />
      ) : (
        <p className="inset">
          No escalation protocol is active for {partnership.name}, so there is no ladder to show.
        </p>
      )}
      <p className="back-to-top">
        <a href="#main-content">Back to top</a>
      </p>
    </section>
  );
}

interface ProtocolDetailsProps {
  readonly partnershipName: string;
  readonly jurisdiction: string;
  readonly protocol: LadderProtocol;
}

function ProtocolDetails({ partnershipName, jurisdiction, protocol }: ProtocolDetailsProps) {
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Active protocol</dt>
          <dd>
            {protocol.name}, version {protocol.version}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Jurisdiction</dt>
          <dd>{jurisdiction}</dd>
        </div>
        {protocol.sourceDocument ? (
          <div className="summary-list__row">
            <dt>Source document</dt>
            <dd>{protocol.sourceDocument}</dd>
          </div>
        ) : null}
        {protocol.sourceVersion ? (
          <div className="summary-list__row">
            <dt>Document version</dt>
            <dd>{protocol.sourceVersion}</dd>
          </div>
        ) : null}
      </dl>
      <p>{protocol.summary}</p>
      <ProtocolNotes protocol={protocol} />

      <ProtocolLadder protocol={protocol} partnershipName={partnershipName} />
      <TimescaleRulesTable protocol={protocol} partnershipName={partnershipName} />
      <CategoryList protocol={protocol} partnershipName={partnershipName} />
    </>
  );
}

/** How the protocol asks disagreements to be handled, beyond its ladder. */
function ProtocolNotes({ protocol }: { protocol: LadderProtocol }) {
  const notes: string[] = [];
  if (protocol.skipAllowedFor.length > 0) {
    const urgencies = protocol.skipAllowedFor.map((urgency) => URGENCY_LABELS[urgency].toLowerCase()).join(' or ');
    notes.push(`A disagreement of ${urgencies} urgency may skip stages and go straight to the level it needs.`);
  }
  if (protocol.discouragesEmail) {
    notes.push('Disagreements should be talked through in person, by phone or by video rather than raised by email.');
  }
  if (notes.length === 0) {
    return null;
  }
  return (
    <ul className="list list--bullet protocol-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
