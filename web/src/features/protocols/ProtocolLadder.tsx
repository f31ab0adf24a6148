import { useId, type CSSProperties } from 'react';
import { stageTitle } from './format';
import { REQUIREMENT_LABELS } from './labels';
import type { LadderProtocol, LadderStage } from './protocols.graphql';

/** Tiers run from 1 (practice) to 5 (strategic); see DESIGN.md §2. */
const TIER_COUNT = 5;

interface ProtocolLadderProps {
  readonly protocol: LadderProtocol;
  readonly partnershipName: string;
}

/**
 * The protocol's stages from the first rung up. Each rung steps in by its tier, so a
 * ladder that jumps a tier (practice straight to middle management) shows the gap.
 */
export function ProtocolLadder({ protocol, partnershipName }: ProtocolLadderProps) {
  const stages = [...protocol.stages].sort((a, b) => a.order - b.order);
  const headingId = `ladder-${protocol.id}`;

  return (
    <section className="protocol-part" aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        Escalation ladder
      </h3>
      <p className="hint">
        {stages.length === 1 ? 'One stage' : `${stages.length} stages`}, from the people closest to the child up to
        the partnership&rsquo;s leaders. The tier puts each stage on a common scale from 1 (practice) to{' '}
        {TIER_COUNT} (strategic), so that different ladders can be compared; each stage is set in further the higher
        its tier.
      </p>
      {stages.length === 0 ? (
        <p className="inset">This protocol has no stages recorded.</p>
      ) : (
        <ol className="ladder" aria-label={`Escalation ladder for ${partnershipName}`}>
          {stages.map((stage) => (
            <LadderRung key={stage.code} stage={stage} />
          ))}
        </ol>
      )}
    </section>
  );
}

function LadderRung({ stage }: { stage: LadderStage }) {
  const titleId = useId();
  const style = { '--tier': Math.min(Math.max(stage.tier, 1), TIER_COUNT) } as CSSProperties;
  return (
    <li className="ladder__rung" style={style}>
      <article className="stage" aria-labelledby={titleId}>
        <header className="stage__header">
          <h4 className="heading-s stage__title" id={titleId}>
            {stageTitle(stage)}
          </h4>
          <TierMeter tier={stage.tier} tierName={stage.tierName} />
        </header>
        <p className="stage__description">{stage.description}</p>
        <div className="stage__columns">
          <div>
            <h5 className="stage__subheading">Who is involved</h5>
            <ul className="list list--bullet">
              {stage.roles.map((role) => (
                <li key={role}>{role}</li>
              ))}
            </ul>
          </div>
          <div>
            <h5 className="stage__subheading">What the protocol asks for</h5>
            {stage.requirements.length === 0 ? (
              <p className="muted">None recorded for this stage.</p>
            ) : (
              <ul className="list list--tick">
                {stage.requirements.map((requirement) => (
                  <li key={requirement}>{REQUIREMENT_LABELS[requirement]}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </article>
    </li>
  );
}

/** "Tier 3 of 5: Middle management and named leads", with a five-step bar drawn beside it. */
function TierMeter({ tier, tierName }: { tier: number; tierName: string }) {
  return (
    <p className="tier">
      <span className="tier__steps" aria-hidden="true">
        {Array.from({ length: TIER_COUNT }, (_, index) => (
          <span key={index} className={index < tier ? 'tier__step tier__step--on' : 'tier__step'} />
        ))}
      </span>
      <span className="tier__text">
        Tier {tier}
        <span className="visually-hidden"> of {TIER_COUNT}</span>: {tierName}
      </span>
    </p>
  );
}
