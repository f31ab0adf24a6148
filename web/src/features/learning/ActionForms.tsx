import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { londonIsoDate } from '../../lib/dates';
import { ADD_LEARNING_ACTION, UPDATE_LEARNING_ACTION, type GqlLearningActionStatus, type LearningAction, type LearningItemDetail } from './learning.graphql';
import { ACTION_STATUS_LABELS, actionStatusChoices } from './learning-text';
import { LearningFormFeedback } from './LearningFormFeedback';
import { useChange } from './use-change';

interface AddActionProps {
  readonly item: LearningItemDetail;
  readonly onSaved: () => Promise<unknown>;
}

/** The improvement group adding an action: what, who and by when. */
export function AddActionForm({ item, onSaved }: AddActionProps) {
  const id = useId();
  const [add, { loading }] = useMutation(ADD_LEARNING_ACTION);
  const { error, saved, run } = useChange(onSaved);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const added = await run(
      () => add({ variables: { input: { partnershipId: item.partnershipId, learningItemId: item.id, description, owner, dueOn: dueOn || null } } }),
      'Action added.',
    );
    if (added) {
      setDescription('');
      setOwner('');
      setDueOn('');
    }
  };

  return (
    <section className="learning-section learning-form" aria-labelledby={`${id}-title`}>
      <h3 className="heading-s" id={`${id}-title`}>
        Add an action
      </h3>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-description`}>
            What is to be done
          </label>
          <textarea id={`${id}-description`} className="input learning-textarea" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <span className="learning-hint" id={`${id}-owner-hint`}>
            A person, post or team.
          </span>
          <input id={`${id}-owner`} className="input" aria-describedby={`${id}-owner-hint`} value={owner} onChange={(event) => setOwner(event.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-due`}>
            Due by (optional)
          </label>
          <input id={`${id}-due`} className="input learning-date" type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
        </div>
        <LearningFormFeedback error={error} saved={saved} />
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Adding…' : 'Add the action'}
        </button>
      </form>
    </section>
  );
}

interface EditActionProps {
  readonly item: LearningItemDetail;
  readonly action: LearningAction;
  readonly onSaved: () => Promise<unknown>;
}

/** The improvement group keeping an action up to date: its status (done with the date it was done) and the evidence of its impact. */
export function EditActionForm({ item, action, onSaved }: EditActionProps) {
  const id = useId();
  const [update, { loading }] = useMutation(UPDATE_LEARNING_ACTION);
  const { error, saved, run } = useChange(onSaved);
  const choices = actionStatusChoices(action.status, item.status);
  const [status, setStatus] = useState<GqlLearningActionStatus>(action.status);
  const today = londonIsoDate(new Date());
  const [completedOn, setCompletedOn] = useState(action.completedOn ?? today);
  const [evidence, setEvidence] = useState(action.evidenceOfImpact);
  const [owner, setOwner] = useState(action.owner);
  const [dueOn, setDueOn] = useState(action.dueOn ?? '');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await run(
      () =>
        update({
          variables: {
            input: {
              partnershipId: item.partnershipId,
              id: action.id,
              expectedVersion: action.version,
              ...(status !== action.status ? { status } : {}),
              ...(status === 'DONE' && completedOn && completedOn !== action.completedOn ? { completedOn } : {}),
              ...(evidence !== action.evidenceOfImpact ? { evidenceOfImpact: evidence } : {}),
              ...(owner !== action.owner ? { owner } : {}),
              ...(dueOn && dueOn !== action.dueOn ? { dueOn } : {}),
            },
          },
        }),
      'Action saved.',
    );
  };

  return (
    <form className="learning-form" onSubmit={(event) => void submit(event)} noValidate aria-label={`Update the action: ${action.description}`}>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value as GqlLearningActionStatus)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {ACTION_STATUS_LABELS[choice]}
            </option>
          ))}
        </select>
      </div>
      {status === 'DONE' && (
        <div className="form-group">
          <label className="label" htmlFor={`${id}-completed`}>
            Date it was done
          </label>
          <input id={`${id}-completed`} className="input learning-date" type="date" max={today} value={completedOn} onChange={(event) => setCompletedOn(event.target.value)} />
        </div>
      )}
      <div className="form-group">
        <label className="label" htmlFor={`${id}-evidence`}>
          Evidence of impact
        </label>
        <span className="learning-hint" id={`${id}-evidence-hint`}>
          What shows it made a difference: an audit, a dip sample, a changed procedure.
        </span>
        <textarea id={`${id}-evidence`} className="input learning-textarea" aria-describedby={`${id}-evidence-hint`} rows={3} value={evidence} onChange={(event) => setEvidence(event.target.value)} />
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-owner`}>
          Owner
        </label>
        <input id={`${id}-owner`} className="input" value={owner} onChange={(event) => setOwner(event.target.value)} />
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-due`}>
          Due by
        </label>
        <input id={`${id}-due`} className="input learning-date" type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
      </div>
      <LearningFormFeedback error={error} saved={saved} />
      <button type="submit" className="button button--secondary" disabled={loading}>
        {loading ? 'Saving…' : 'Save the action'}
      </button>
    </form>
  );
}
