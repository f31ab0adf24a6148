import { formatDateTime } from '../../lib/format';
import { describeLimit, stageLabel } from '../protocols/format';
import { RULE_SOURCE_LABELS } from '../protocols/labels';
import type { TimelineOutcome } from './escalations.graphql';
import { OutcomeTag } from './OutcomeTag';

/** Every timescale rule of the protocol for this escalation: its limit, deadline, when it was met, and the outcome. */
export function TimescaleTable({ outcomes }: { readonly outcomes: readonly TimelineOutcome[] }) {
  return (
    <section aria-labelledby="timescales-title">
      <h2 className="heading-l" id="timescales-title">
        Timescales
      </h2>
      {outcomes.length === 0 ? (
        <p>The protocol sets no timescales for this escalation.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0} role="region" aria-label="Timescale rules and outcomes">
          <table className="table timescale-table">
            <caption className="visually-hidden">Each timescale rule, its deadline and its outcome</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Stage</th>
                <th scope="col">Limit</th>
                <th scope="col">Deadline</th>
                <th scope="col">Done</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.ruleCode}>
                  <th scope="row">
                    {outcome.ruleName}
                    <span className="rules-table__condition">{RULE_SOURCE_LABELS[outcome.source]}</span>
                  </th>
                  <td className="nowrap">{stageLabel(outcome.stageCode)}</td>
                  <td>{describeLimit(outcome.limitUnit, outcome.limitAmount)}</td>
                  <td>{outcome.deadline ? formatDateTime(outcome.deadline) : '–'}</td>
                  <td>{outcome.targetAt ? formatDateTime(outcome.targetAt) : '–'}</td>
                  <td>
                    <OutcomeTag outcome={outcome} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
