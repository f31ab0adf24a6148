import type { Writable } from 'node:stream';
import type { LearningGapKind } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../../database/tenant-database.js';
import { PartnershipsException } from '../../partnerships/partnerships.exception.js';
import { LearningItemsService } from '../learning-items.service.js';
import type { LearningItem } from '../models/learning-item.model.js';
import { BriefingDocument, type BriefingContent } from './briefing-document.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 March 2025" from a date key. */
export function longDate(dateKey: string): string {
  const [year, month, day] = dateKey.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const GAP_WORDS: Readonly<Record<LearningGapKind, string>> = { practice: 'Practice', policy: 'Policy', procedure: 'Procedure' };

/**
 * What a learning item's 7-minute briefing says, shared by the PDF and the printable page
 * (which builds the same sections from the API): title; partnership, kind of gap, group
 * and date; background, why it matters, what was found, what to do; questions. Nothing
 * about any one escalation or child: a briefing is for sharing with teams.
 */
export function briefingContent(item: LearningItem, partnershipName: string, today: string): BriefingContent {
  const group = item.referredToGroup.trim();
  return {
    title: item.title,
    subtitle: [partnershipName, `${GAP_WORDS[item.gapKind]} learning`, ...(group ? [`Referred to ${group}`] : []), longDate(today)].join(' · '),
    sections: [
      { heading: 'Background', text: item.background },
      { heading: 'Why it matters', text: item.whyItMatters },
      { heading: 'What was found', text: item.findings },
      { heading: 'What to do', text: item.whatToDo },
    ],
    questions: item.questions,
    footnote: `Learning from professional disagreements escalated under ${partnershipName}'s resolution and escalation protocol. ` +
      `Produced with Escalation Insights on ${longDate(today)}; share it with your team and talk it through.`,
    fullTextAt: `Escalation Insights (learning item ${item.id})`,
  };
}

/** Writes a learning item's briefing as a one-page PDF, as the signed-in user (row-level security applies). */
@Injectable()
export class BriefingService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly items: LearningItemsService,
  ) {}

  /** The item and its partnership's name, before anything is sent. @throws LearningException LEARNING_ITEM_NOT_FOUND */
  async prepare(partnershipId: string, id: string): Promise<{ item: LearningItem; document: BriefingDocument }> {
    const item = await this.items.get(partnershipId, id);
    const [partnership] = (await this.db.run((manager) => manager.query('SELECT name FROM partnership WHERE id = $1', [partnershipId]))) as { name: string }[];
    if (!partnership) throw PartnershipsException.notFound(partnershipId);
    const content = briefingContent(item, partnership.name, this.items.today());
    return { item, document: new BriefingDocument(content, partnership.name) };
  }

  write(document: BriefingDocument, out: Writable): void {
    document.pdf.pipe(out);
    document.write();
  }
}
