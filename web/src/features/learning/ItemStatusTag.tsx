import type { GqlLearningItemStatus } from './learning.graphql';
import { ITEM_STATUS_LABELS } from './learning-text';

/** A learning item's status as a tag: the word carries the meaning, the colour only repeats it. */
export function ItemStatusTag({ status }: { readonly status: GqlLearningItemStatus }) {
  return <span className={`tag tag--learning-${status.toLowerCase().replace(/_/g, '-')}`}>{ITEM_STATUS_LABELS[status]}</span>;
}
