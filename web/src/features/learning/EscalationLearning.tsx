import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { ItemStatusTag } from './ItemStatusTag';
import { CREATE_LEARNING_ITEM, ESCALATION_LEARNING, type GqlLearningGapKind } from './learning.graphql';
import { GAP_KIND_LABELS } from './learning-text';
import { LearningFormFeedback } from './LearningFormFeedback';
import { useChange } from './use-change';
import './learning.css';

/** Roles that may start learning from an escalation (the access matrix's createLearningItem row). */
const STARTS_LEARNING = ['BUSINESS_UNIT', 'IMPROVEMENT_GROUP'];

/** On an escalation's page: the learning it produced, and (for those who may) starting a learning item from it. */
export function EscalationLearning({ escalationId }: { readonly escalationId: string }) {
  const { viewer } = useDashboardContext();
  const partnershipId = viewer.partnershipId ?? '';
  const { data, error, loading, refetch } = useQuery(ESCALATION_LEARNING, { variables: { partnershipId, id: escalationId } });
  const items = data?.escalation.learningItems ?? [];
  return (
    <section className="learning-section" aria-labelledby="escalation-learning-title">
      <h2 className="heading-l" id="escalation-learning-title">
        Learning from this escalation
      </h2>
      {loading && !data ? (
        <LoadingMessage>Loading the learning…</LoadingMessage>
      ) : error && !data ? (
        <LoadError title="The learning from this escalation could not be loaded" detail={error.message} onRetry={() => void refetch()} />
      ) : items.length === 0 ? (
        <p>No learning item has been drawn from this escalation yet.</p>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/learning/${item.id}`}>{item.title}</Link> <ItemStatusTag status={item.status} />
              <span className="muted">
                {' '}
                {GAP_KIND_LABELS[item.gapKind]} gap{item.referredToGroup ? `, referred to ${item.referredToGroup}` : ''}
                {item.overdueActionCount > 0 ? '' : '.'}
              </span>
              {item.overdueActionCount > 0 && <span className="learning-overdue"> {item.overdueActionCount} overdue</span>}
            </li>
          ))}
        </ul>
      )}
      {STARTS_LEARNING.includes(viewer.role) && (
        <details className="details">
          <summary className="details__summary">Create a learning item</summary>
          <div className="details__text">
            <CreateLearningForm escalationId={escalationId} partnershipId={partnershipId} />
          </div>
        </details>
      )}
    </section>
  );
}

function CreateLearningForm({ escalationId, partnershipId }: { readonly escalationId: string; readonly partnershipId: string }) {
  const id = useId();
  const [create, { loading }] = useMutation(CREATE_LEARNING_ITEM);
  const { error, saved, run } = useChange(async () => undefined);
  const [title, setTitle] = useState('');
  const [gapKind, setGapKind] = useState<GqlLearningGapKind>('PRACTICE');
  const [group, setGroup] = useState('');
  const [description, setDescription] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const created: { id?: string } = {};
    await run(async () => {
      const result = await create({ variables: { input: { partnershipId, escalationIds: [escalationId], title, gapKind, referredToGroup: group || undefined, description } } });
      created.id = result.data?.createLearningItem.id;
    }, 'Learning item created.');
    if (created.id) navigate(`/learning/${created.id}`);
  };

  return (
    <form className="learning-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="heading-s" id={`${id}-title`}>
        A gap this escalation showed
      </h3>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-item-title`}>
          Title
        </label>
        <span className="learning-hint" id={`${id}-item-title-hint`}>
          The gap in a sentence, e.g. “Strategy discussions requested but not convened”.
        </span>
        <input id={`${id}-item-title`} className="input" aria-describedby={`${id}-item-title-hint`} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <fieldset>
        <legend>Gap in</legend>
        {(Object.keys(GAP_KIND_LABELS) as GqlLearningGapKind[]).map((kind) => (
          <div key={kind} className="checkbox">
            <input id={`${id}-${kind}`} className="checkbox__input" type="radio" name={`${id}-gap`} value={kind} checked={gapKind === kind} onChange={() => setGapKind(kind)} />
            <label className="checkbox__label" htmlFor={`${id}-${kind}`}>
              {GAP_KIND_LABELS[kind]}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-group`}>
          Refer it to
        </label>
        <span className="learning-hint" id={`${id}-group-hint`}>
          The group that will own it, e.g. the practice improvement working group.
        </span>
        <input id={`${id}-group`} className="input" aria-describedby={`${id}-group-hint`} value={group} onChange={(event) => setGroup(event.target.value)} />
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-description`}>
          What the gap is
        </label>
        <textarea id={`${id}-description`} className="input learning-textarea" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
      </div>
      <LearningFormFeedback error={error} saved={saved} />
      <button type="submit" className="button" disabled={loading}>
        {loading ? 'Creating…' : 'Create the learning item'}
      </button>
    </form>
  );
}
