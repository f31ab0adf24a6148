import { partnershipAnchor } from './format';
import { JURISDICTION_LABELS } from './labels';
import type { PartnershipLadder } from './protocols.graphql';

/** The partnerships on the page, each linking to its protocol below. */
export function PartnershipsTable({ partnerships }: { partnerships: readonly PartnershipLadder[] }) {
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="table__caption table__caption--m">
          {partnerships.length === 1 ? '1 partnership' : `${partnerships.length} partnerships`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Partnership</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Active protocol</th>
            <th scope="col" className="table__numeric">
              Stages
            </th>
          </tr>
        </thead>
        <tbody>
          {partnerships.map((partnership) => (
            <tr key={partnership.id}>
              <th scope="row">
                <a href={`#${partnershipAnchor(partnership.code)}`}>{partnership.name}</a>
              </th>
              <td>{JURISDICTION_LABELS[partnership.jurisdiction]}</td>
              <td>
                {partnership.activeProtocol ? (
                  `${partnership.activeProtocol.name} (version ${partnership.activeProtocol.version})`
                ) : (
                  <span className="muted">None active</span>
                )}
              </td>
              <td className="table__numeric">{partnership.activeProtocol?.stages.length ?? 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
