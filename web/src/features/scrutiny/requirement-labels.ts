import type { ScrutinyRequirement } from './scrutiny.graphql';

/** A requirement's answer as a mark and words: the words carry the meaning, the mark and colour repeat it. */
export function requirementAnswer(check: ScrutinyRequirement | undefined): { readonly mark: string; readonly text: string; readonly tone: 'met' | 'missing' | 'neutral' } {
  if (!check) return { mark: '', text: 'Not checked', tone: 'neutral' };
  switch (check.status) {
    case 'MET':
      return { mark: '✓', text: 'Met', tone: 'met' };
    case 'MISSING':
      return { mark: '✗', text: `Missing at ${stages(check.missingAtStages)}`, tone: 'missing' };
    case 'NOT_RECORDED':
      return { mark: '?', text: 'Not recorded (no milestone shows it)', tone: 'neutral' };
    case 'NOT_REQUIRED':
      return { mark: '–', text: check.requiredByProtocol ? 'Not required at the stages reached' : 'Not required by this protocol', tone: 'neutral' };
  }
}

function stages(codes: readonly string[]): string {
  const named = codes.map((code) => (/^\d+[a-z]?$/.test(code) ? code : `"${code}"`));
  return `${named.length === 1 ? 'stage' : 'stages'} ${named.join(', ')}`;
}

/** "escalation.stage_entered" → "Stage entered". */
export function actionLabel(action: string): string {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action;
  const words = verb.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
