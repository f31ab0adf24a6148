import { describeLimit, describeUrgencies, stageLabel, stageShortName } from './format';
import { RULE_SOURCE_LABELS, type GqlRuleSource } from './labels';
import type { LadderProtocol, LadderRule } from './protocols.graphql';

interface TimescaleRulesTableProps {
  readonly protocol: LadderProtocol;
  readonly partnershipName: string;
}

/** The protocol's timescale rules, each with where its figure comes from and why. */
export function TimescaleRulesTable({ protocol, partnershipName }: TimescaleRulesTableProps) {
  const headingId = `timescales-${protocol.id}`;
  const stageNames = new Map(protocol.stages.map((stage) => [stage.code, stageShortName(stage)]));
  const ruleNames = new Map(protocol.rules.map((rule) => [rule.code, rule.name]));

  return (
    <section className="protocol-part" aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        Timescales
      </h3>
      {protocol.rules.length === 0 ? (
        <p className="inset">No timescales are recorded for this protocol.</p>
      ) : (
        <>
          <p className="hint">
            &ldquo;Stated in the protocol&rdquo; means the figure comes from the document itself. &ldquo;Local
            target&rdquo; means the document gives no figure and the partnership set one.
          </p>
          <div className="table-wrapper">
            <table className="table rules-table">
              <caption className="table__caption">Timescales for {partnershipName}</caption>
              <thead>
                <tr>
                  <th scope="col">Timescale</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Time limit</th>
                  <th scope="col">Applies to</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {protocol.rules.map((rule) => (
                  <RuleRow
                    key={rule.code}
                    rule={rule}
                    stageName={stageNames.get(rule.stageCode) ?? stageLabel(rule.stageCode)}
                    prerequisiteName={
                      rule.appliesWhenRuleNotMet
                        ? (ruleNames.get(rule.appliesWhenRuleNotMet) ?? rule.appliesWhenRuleNotMet)
                        : null
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
          <RuleRationales rules={protocol.rules} />
        </>
      )}
    </section>
  );
}

interface RuleRowProps {
  readonly rule: LadderRule;
  readonly stageName: string;
  /** The rule that must have been missed for this one to apply, if any. */
  readonly prerequisiteName: string | null;
}

function RuleRow({ rule, stageName, prerequisiteName }: RuleRowProps) {
  return (
    <tr>
      <th scope="row">{rule.name}</th>
      <td>{stageName}</td>
      <td className="rules-table__limit">{describeLimit(rule.limitUnit, rule.limitAmount)}</td>
      <td className="rules-table__applies">
        {describeUrgencies(rule.urgencies)}
        {prerequisiteName ? (
          <span className="rules-table__condition">Only when &ldquo;{prerequisiteName}&rdquo; was missed</span>
        ) : null}
      </td>
      <td>
        <SourceTag source={rule.source} />
      </td>
    </tr>
  );
}

function SourceTag({ source }: { source: GqlRuleSource }) {
  return (
    <strong className={`tag tag--${source === 'PROTOCOL' ? 'protocol' : 'local'}`}>{RULE_SOURCE_LABELS[source]}</strong>
  );
}

/** Why each timescale is what it is, folded away beneath the table. */
function RuleRationales({ rules }: { rules: readonly LadderRule[] }) {
  return (
    <details className="details">
      <summary className="details__summary">Why each timescale is set as it is</summary>
      <dl className="details__text rationale-list">
        {rules.map((rule) => (
          <div key={rule.code}>
            <dt>{rule.name}</dt>
            <dd>{rule.rationale}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
