import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { londonIsoDate } from '../../lib/dates';
import { pluralise } from '../../lib/format';
import {
  COMPLETE_LEARNING_ITEM,
  UPDATE_LEARNING_ITEM,
  type GqlLearningGapKind,
  type GqlLearningItemStatus,
  type LearningItemDetail,
  type UpdateLearningItemInput,
} from './learning.graphql';
import { GAP_KIND_LABELS, ITEM_STATUS_LABELS, itemStatusChoices, parseQuestions } from './learning-text';
import { LearningFormFeedback } from './LearningFormFeedback';
import { useChange } from './use-change';

interface FormProps {
  readonly item: LearningItemDetail;
  readonly onSaved: () => Promise<unknown>;
}

type TextField = 'title' | 'referredToGroup' | 'description' | 'background' | 'whyItMatters' | 'findings' | 'whatToDo';

const BRIEFING_FIELDS: readonly { readonly field: TextField; readonly label: string; readonly hint: string }[] = [
  { field: 'background', label: 'Background', hint: 'What happened, in a few sentences.' },
  { field: 'whyItMatters', label: 'Why it matters', hint: 'What it means for children and families.' },
  { field: 'findings', label: 'What was found', hint: 'The gap the escalations showed.' },
  { field: 'whatToDo', label: 'What to do', hint: 'What practitioners and managers should do now.' },
];

/** The improvement group editing the item: its title, kind of gap, group, status and the text of its briefing. */
export function EditItemForm({ item, onSaved }: FormProps) {
  const id = useId();
  const [update, { loading }] = useMutation(UPDATE_LEARNING_ITEM);
  const { error, saved, run } = useChange(onSaved);
  const [text, setText] = useState<Record<TextField, string>>({
    title: item.title,
    referredToGroup: item.referredToGroup,
    description: item.description,
    background: item.background,
    whyItMatters: item.whyItMatters,
    findings: item.findings,
    whatToDo: item.whatToDo,
  });
  const [gapKind, setGapKind] = useState<GqlLearningGapKind>(item.gapKind);
  // Only a status the user picks is sent: after a change elsewhere on the page (completing it) the item's own status stands.
  const [statusChoice, setStatus] = useState<GqlLearningItemStatus | null>(null);
  const status = statusChoice ?? item.status;
  const [questions, setQuestions] = useState(item.questions.join('\n'));
  const set = (field: TextField) => (value: string) => setText((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changed: Partial<Record<TextField, string>> = {};
    for (const field of Object.keys(text) as TextField[]) if (text[field] !== item[field]) changed[field] = text[field];
    const asked = parseQuestions(questions);
    const input: UpdateLearningItemInput = {
      partnershipId: item.partnershipId,
      id: item.id,
      expectedVersion: item.version,
      ...changed,
      ...(gapKind !== item.gapKind ? { gapKind } : {}),
      ...(status !== item.status ? { status } : {}),
      ...(asked.join('\n') !== item.questions.join('\n') ? { questions: asked } : {}),
    };
    if (await run(() => update({ variables: { input } }), 'Learning item saved.')) setStatus(null);
  };

  return (
    <form className="learning-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="heading-s" id={`${id}-title`}>
        Edit the learning item
      </h3>
      <TextInput id={`${id}-item-title`} label="Title" value={text.title} onChange={set('title')} />
      <div className="form-group">
        <label className="label" htmlFor={`${id}-gap`}>
          Gap in
        </label>
        <select id={`${id}-gap`} className="select" value={gapKind} onChange={(event) => setGapKind(event.target.value as GqlLearningGapKind)}>
          {(Object.keys(GAP_KIND_LABELS) as GqlLearningGapKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {GAP_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <TextInput id={`${id}-group`} label="Referred to" value={text.referredToGroup} onChange={set('referredToGroup')} />
      <div className="form-group">
        <label className="label" htmlFor={`${id}-status`}>
          Status
        </label>
        <span className="learning-hint" id={`${id}-status-hint`}>
          To complete the item, use “Complete the learning item” once its actions are finished.
        </span>
        <select id={`${id}-status`} className="select" aria-describedby={`${id}-status-hint`} value={status} onChange={(event) => setStatus(event.target.value as GqlLearningItemStatus)}>
          {itemStatusChoices(item.status).map((choice) => (
            <option key={choice} value={choice}>
              {ITEM_STATUS_LABELS[choice]}
            </option>
          ))}
        </select>
      </div>
      <TextArea id={`${id}-description`} label="Description" value={text.description} onChange={set('description')} />
      {BRIEFING_FIELDS.map(({ field, label, hint }) => (
        <TextArea key={field} id={`${id}-${field}`} label={label} hint={hint} value={text[field]} onChange={set(field)} />
      ))}
      <TextArea id={`${id}-questions`} label="Questions to consider" hint="One question a line." value={questions} onChange={setQuestions} />
      <LearningFormFeedback error={error} saved={saved} />
      <button type="submit" className="button" disabled={loading}>
        {loading ? 'Saving…' : 'Save the learning item'}
      </button>
    </form>
  );
}

/** Completing the item on the date its work finished: "has it worked?" then compares the theme around that date. */
export function CompleteItemForm({ item, onSaved }: FormProps) {
  const id = useId();
  const [complete, { loading }] = useMutation(COMPLETE_LEARNING_ITEM);
  const { error, saved, run } = useChange(onSaved);
  const today = londonIsoDate(new Date());
  const [completedOn, setCompletedOn] = useState(item.completedOn ?? today);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await run(
      () => complete({ variables: { input: { partnershipId: item.partnershipId, id: item.id, expectedVersion: item.version, completedOn } } }),
      'Learning item completed.',
    );
  };

  return (
    <form className="learning-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="heading-s" id={`${id}-title`}>
        {item.status === 'COMPLETED' ? 'Correct the completion date' : 'Complete the learning item'}
      </h3>
      {item.openActionCount > 0 && (
        <p>
          {pluralise(item.openActionCount, 'action is', 'actions are')} still open. Mark {item.openActionCount === 1 ? 'it' : 'them'} done or cancelled
          first.
        </p>
      )}
      <div className="form-group">
        <label className="label" htmlFor={`${id}-date`}>
          Date the work was finished
        </label>
        <input id={`${id}-date`} className="input learning-date" type="date" max={today} value={completedOn} onChange={(event) => setCompletedOn(event.target.value)} />
      </div>
      <LearningFormFeedback error={error} saved={saved} />
      <button type="submit" className="button button--secondary" disabled={loading}>
        {loading ? 'Saving…' : item.status === 'COMPLETED' ? 'Save the date' : 'Complete the item'}
      </button>
    </form>
  );
}

function TextInput({ id, label, value, onChange }: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (value: string) => void }) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

interface TextAreaProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

function TextArea({ id, label, hint, value, onChange }: TextAreaProps) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="learning-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea id={id} className="input learning-textarea" rows={4} aria-describedby={hint ? `${id}-hint` : undefined} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
