import type { CellValue } from '@escalation-insights/shared';

/** One row of a file as a reader hands it over: its row number in the file (1-based) and its cells. */
export interface SourceRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}
