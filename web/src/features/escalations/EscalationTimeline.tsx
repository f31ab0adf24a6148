import { formatDateTime } from '../../lib/format';
import { stageLabel, stageTitle } from '../protocols/format';
import { REQUIREMENT_LABELS } from '../protocols/labels';
import { EXIT_REASON_LABELS, MILESTONE_LABELS, STATUS_LABELS } from './escalation-labels';
import type { EscalationDetail, TimelineRequirement } from './escalations.graphql';
import { OutcomeTag } from './OutcomeTag';
import { buildTimeline, type TimelineStep } from './timeline';

/** The journey as a vertical timeline: raised, each stage with its milestones, requirements and rules, then closed. */
export function EscalationTimeline({ escalation }: { readonly escalation: EscalationDetail }) {
  const { steps, looseMilestones } = buildTimeline(escalation);
  return (
    <section className="timeline-section" aria-labelledby="timeline-title">
      <h2 className="heading-l" id="timeline-title">
        Timeline
      </h2>
      <ol className="timeline">
        <li className="timeline__event timeline__event--point">
          <h3 className="heading-s timeline__title">Raised</h3>
          <p className="timeline__when">{formatDateTime(escalation.raisedAt)}</p>
        </li>
        {steps.map((step) => (
          <StageStep key={step.stage.id} step={step} />
        ))}
        {escalation.closedAt && (
          <li className="timeline__event timeline__event--point">
            <h3 className="heading-s timeline__title">{STATUS_LABELS[escalation.status]}</h3>
            <p className="timeline__when">{formatDateTime(escalation.closedAt)}</p>
            {escalation.outcome && <p>{escalation.outcome}</p>}
          </li>
        )}
      </ol>
      {looseMilestones.length > 0 && (
        <>
          <h3 className="heading-s">Milestones recorded without a stage</h3>
          <ul className="list">
            {looseMilestones.map((milestone) => (
              <li key={milestone.id}>
                {MILESTONE_LABELS[milestone.kind]}: {formatDateTime(milestone.occurredAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function StageStep({ step }: { readonly step: TimelineStep }) {
  const { stage, milestones, outcomes } = step;
  return (
    <li className="timeline__event">
      <h3 className="heading-s timeline__title">
        {stageTitle({ code: stage.stageCode, name: stage.stageName })} <span className="muted">(tier {stage.tier})</span>
      </h3>
      <p className="timeline__when">
        Entered {formatDateTime(stage.enteredAt)}
        {stage.exitedAt && stage.exitReason && (
          <>
            <br />
            {EXIT_REASON_LABELS[stage.exitReason]}: {formatDateTime(stage.exitedAt)}
          </>
        )}
      </p>
      {stage.skippedStageCodes.length > 0 && (
        <p className="timeline__skipped">
          <strong>Skipped:</strong> {stage.skippedStageCodes.map(stageLabel).join(', ')} (allowed for this urgency)
        </p>
      )}
      {stage.participants.length > 0 && <p>Involved: {stage.participants.join(', ')}</p>}
      {milestones.length > 0 && (
        <ul className="timeline__milestones" aria-label={`Milestones at ${stageLabel(stage.stageCode)}`}>
          {milestones.map((milestone) => (
            <li key={milestone.id}>
              <strong>{MILESTONE_LABELS[milestone.kind]}</strong> {formatDateTime(milestone.occurredAt)}
            </li>
          ))}
        </ul>
      )}
      {stage.requirements.length > 0 && <Requirements stageCode={stage.stageCode} requirements={stage.requirements} />}
      {outcomes.length > 0 && (
        <ul className="timeline__rules" aria-label={`Timescales at ${stageLabel(stage.stageCode)}`}>
          {outcomes.map((outcome) => (
            <li key={outcome.ruleCode}>
              {outcome.ruleName}: <OutcomeTag outcome={outcome} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const REQUIREMENT_STATUS = {
  MET: { mark: '✓', text: 'met', className: 'requirement--met' },
  MISSING: { mark: '✗', text: 'missing', className: 'requirement--missing' },
  NOT_RECORDED: { mark: '–', text: 'not recorded as a milestone', className: 'requirement--unknown' },
} as const;

function Requirements({ stageCode, requirements }: { readonly stageCode: string; readonly requirements: readonly TimelineRequirement[] }) {
  return (
    <ul className="requirements" aria-label={`What the protocol asks for at ${stageLabel(stageCode)}`}>
      {requirements.map((item) => {
        const status = REQUIREMENT_STATUS[item.status];
        return (
          <li key={item.requirement} className={`requirement ${status.className}`}>
            <span className="requirement__mark" aria-hidden="true">
              {status.mark}
            </span>
            {REQUIREMENT_LABELS[item.requirement]}: <strong>{status.text}</strong>
            {item.evidencedAt && <span className="muted"> ({formatDateTime(item.evidencedAt)})</span>}
          </li>
        );
      })}
    </ul>
  );
}
