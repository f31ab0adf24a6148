import { formatDate } from '../../lib/format';
import { EditActionForm } from './ActionForms';
import type { LearningAction, LearningItemDetail } from './learning.graphql';
import { ACTION_STATUS_LABELS } from './learning-text';
import { SummaryRow } from './SummaryRow';

interface ActionListProps {
  readonly item: LearningItemDetail;
  /** Whether the viewer keeps the actions (the improvement group). */
  readonly editable: boolean;
  readonly onSaved: () => Promise<unknown>;
}

/** The item's actions, soonest due first: each with its owner, due date, status and evidence of impact. */
export function ActionList({ item, editable, onSaved }: ActionListProps) {
  if (item.actions.length === 0) {
    return <p className="empty-state">No actions yet.</p>;
  }
  return (
    <ol className="learning-actions">
      {item.actions.map((action) => (
        <li key={action.id} className={`learning-action${action.isOverdue ? ' learning-action--overdue' : ''}${isFinished(action) ? ' learning-action--finished' : ''}`}>
          <h3 className="heading-s learning-action__title">{action.description}</h3>
          <dl className="summary-list">
            <SummaryRow term="Owner">{action.owner || 'Not named'}</SummaryRow>
            <SummaryRow term="Due by">
              {action.dueOn ? formatDate(action.dueOn) : 'No date set'}
              {action.isOverdue && <span className="learning-overdue"> Overdue</span>}
            </SummaryRow>
            <SummaryRow term="Status">
              {ACTION_STATUS_LABELS[action.status]}
              {action.completedOn && ` on ${formatDate(action.completedOn)}`}
            </SummaryRow>
            <SummaryRow term="Evidence of impact">{action.evidenceOfImpact || <span className="muted">None recorded yet</span>}</SummaryRow>
          </dl>
          {editable && (
            <details className="details">
              <summary className="details__summary">Update this action</summary>
              <div className="details__text">
                <EditActionForm item={item} action={action} onSaved={onSaved} />
              </div>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function isFinished(action: LearningAction): boolean {
  return action.status === 'DONE' || action.status === 'CANCELLED';
}
