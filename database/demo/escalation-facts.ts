import { createHmac } from 'node:crypto';
import type { RaisedVia, Urgency } from '@escalation-insights/shared';
import { RAISING_ROLES, type DemoAgency } from './agencies.js';
import { URGENCY_ORDER, type PartnershipPlan } from './partnership-plan.js';
import type { Prng } from './prng.js';

/** Who raised what with whom, how and about which child. */
export interface EscalationFacts {
  readonly raising: number;
  readonly receiving: number;
  readonly raisingRole: string;
  readonly category: number;
  readonly urgency: Urgency;
  readonly raisedVia: RaisedVia;
  readonly childKey: string;
}

const VIA: readonly RaisedVia[] = ['in_person', 'phone', 'video', 'meeting', 'email', 'letter'];
/** How often a child already known to the partnership's escalations comes up again. */
const REPEAT_CHILD = 0.18;
const RECENT_CHILDREN = 400;

/**
 * Draws the facts of each escalation of one partnership. Children are case references
 * local to the partnership, pseudonymised with HMAC-SHA256 under the deployment's secret;
 * a bounded ring of recent children lets some children come up more than once.
 */
export class FactDrawer {
  private readonly raiseWeights: number[];
  private readonly viaWeights: number[];
  private readonly recent: number[] = [];
  private nextChild = 1;

  constructor(private readonly plan: PartnershipPlan, private readonly secret: string, private readonly rng: Prng) {
    this.raiseWeights = plan.agencies.map((a) => a.raises);
    this.viaWeights = [0.14, 0.32, 0.12, 0.16, plan.emailShare, 0.03];
  }

  draw(inEmergingWindow: boolean): EscalationFacts {
    const { plan, rng } = this;
    const theme = plan.emergingTheme;
    let raising = rng.weightedIndex(this.raiseWeights);
    let receiving: number;
    let category: number;
    if (inEmergingWindow && rng.chance(0.12)) {
      receiving = theme.agency;
      category = theme.category;
      if (raising === receiving) raising = this.raiserOtherThan(receiving);
    } else {
      receiving = this.receiverFor(plan.agencies[raising]!, raising);
      category = rng.weightedIndex(plan.categoryWeights);
    }
    const urgency = URGENCY_ORDER[rng.weightedIndex(plan.urgencyWeights)]!;
    return {
      raising,
      receiving,
      raisingRole: this.roleOf(plan.agencies[raising]!),
      category,
      urgency,
      raisedVia: VIA[rng.weightedIndex(this.viaWeights)]!,
      childKey: this.childKey(),
    };
  }

  private raiserOtherThan(receiving: number): number {
    const weights = this.raiseWeights.map((w, i) => (i === receiving ? 0 : w));
    return this.rng.weightedIndex(weights);
  }

  /** Children's social care mostly receives; when it raises, it raises with its partners. */
  private receiverFor(raiser: DemoAgency, raising: number): number {
    const weights = this.plan.agencies.map((a, i) => {
      if (i === raising) return 0;
      if (raiser.sector === 'childrens_social_care') return a.receives * (a.sector === 'voluntary_sector' ? 0.5 : 1);
      return a.receives * (a.sector === 'childrens_social_care' ? 1.4 : 1);
    });
    return this.rng.weightedIndex(weights);
  }

  private roleOf(agency: DemoAgency): string {
    if (agency.name.includes('GP practices')) return 'GP';
    if (agency.sector === 'probation') return agency.name.includes('Justice Social Work') ? 'Justice social worker' : 'Probation officer';
    const roles = RAISING_ROLES[agency.sector].filter((r) => r !== 'GP');
    return this.rng.pick(roles);
  }

  private childKey(): string {
    let child: number;
    if (this.recent.length > 20 && this.rng.chance(REPEAT_CHILD)) {
      child = this.rng.pick(this.recent);
    } else {
      child = this.nextChild++;
      if (this.recent.length < RECENT_CHILDREN) this.recent.push(child);
      else this.recent[child % RECENT_CHILDREN] = child;
    }
    const localReference = `${this.plan.prefix}-CASE-${String(child).padStart(6, '0')}`;
    return createHmac('sha256', this.secret).update(localReference).digest('hex');
  }
}
