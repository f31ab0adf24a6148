import type { LogStatus } from './strategic-log.graphql';
import { LOG_STATUS_LABELS } from './strategic-log-text';

/** An entry's status as a tag: the word carries the meaning, the colour only repeats it. */
export function StatusTag({ status }: { readonly status: LogStatus }) {
  return <span className={`tag tag--status tag--log-${status.toLowerCase().replace(/_/g, '-')}`}>{LOG_STATUS_LABELS[status]}</span>;
}
