import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApiCount } from '../../lib/suppression';

/*
 * The strategic escalation log (docs/strategic-log.md): Query.strategicLog, strategicLogEntry,
 * overdueLogEntries and the log's mutations. Each document carries its own fragments.
 */

export type LogStatus = 'OPEN' | 'UNDER_REVIEW' | 'ACTIONED' | 'CLOSED';

export interface LogEntrySummary {
  readonly id: string;
  readonly partnershipId: string;
  readonly title: string;
  readonly status: LogStatus;
  readonly owner: string;
  readonly addedOn: string;
  readonly reviewDate: string | null;
  readonly isOverdue: boolean;
  readonly version: number;
  readonly theme: {
    readonly categoryCode: string | null;
    readonly categoryLabel: string | null;
    readonly receivingAgencyId: string | null;
    readonly receivingAgencyName: string | null;
  } | null;
  readonly linkedEscalationCount: ApiCount;
}

export interface StrategicLogData {
  readonly strategicLog: { readonly totalCount: number; readonly offset: number; readonly limit: number; readonly items: readonly LogEntrySummary[] };
}

export interface StrategicLogVariables {
  readonly partnershipId: string;
  readonly statuses?: readonly LogStatus[] | null;
  readonly overdueOnly: boolean;
  readonly offset: number;
  readonly limit: number;
}

/** What a list of the log shows of an entry, and what its mutations answer with. */
const LOG_ENTRY_SUMMARY = gql`
  fragment LogEntrySummary on StrategicLogEntry {
    id
    partnershipId
    title
    status
    owner
    addedOn
    reviewDate
    isOverdue
    version
    theme {
      categoryCode
      categoryLabel
      receivingAgencyId
      receivingAgencyName
    }
    linkedEscalationCount {
      value
      display
      suppressed
    }
  }
`;

export const STRATEGIC_LOG: TypedDocumentNode<StrategicLogData, StrategicLogVariables> = gql`
  query StrategicLog($partnershipId: ID!, $statuses: [StrategicLogStatus!], $overdueOnly: Boolean!, $offset: Int!, $limit: Int!) {
    strategicLog(partnershipId: $partnershipId, statuses: $statuses, overdueOnly: $overdueOnly, offset: $offset, limit: $limit) {
      totalCount
      offset
      limit
      items {
        ...LogEntrySummary
      }
    }
  }

  ${LOG_ENTRY_SUMMARY}
`;

export interface OverdueLogData {
  readonly overdueLogEntries: { readonly count: number; readonly asOf: string; readonly entries: readonly LogEntrySummary[] };
}

export const OVERDUE_LOG_ENTRIES: TypedDocumentNode<OverdueLogData, { readonly partnershipId: string }> = gql`
  query OverdueLogEntries($partnershipId: ID!) {
    overdueLogEntries(partnershipId: $partnershipId, limit: 10) {
      count
      asOf
      entries {
        ...LogEntrySummary
      }
    }
  }

  ${LOG_ENTRY_SUMMARY}
`;

export interface StatusChange {
  readonly fromStatus: LogStatus | null;
  readonly toStatus: LogStatus;
  readonly note: string;
  readonly changedBy: string | null;
  readonly changedAt: string;
}

export interface LogEscalation {
  readonly id: string;
  readonly reference: string;
  readonly raisedAt: string;
  readonly status: string;
  readonly categoryLabel: string;
  readonly receivingAgencyName: string;
  readonly linked: boolean;
}

export interface ThemeFigures {
  readonly since: string;
  readonly through: string;
  readonly raisedSinceAdded: ApiCount;
  readonly linked: ApiCount;
  readonly months: readonly { readonly month: string; readonly partial: boolean; readonly escalations: ApiCount }[];
}

export interface ImpactWindow {
  readonly from: string;
  readonly to: string;
  readonly perMonth: number | null;
  readonly escalations: ApiCount;
}

export interface ThemeImpact {
  readonly completedOn: string;
  readonly windowDays: number;
  readonly tooFewToTell: boolean;
  readonly caveat: string | null;
  readonly summary: string;
  readonly fewestEscalations: number;
  readonly change: number | null;
  readonly before: ImpactWindow;
  readonly after: ImpactWindow;
}

export interface LogEntryDetail extends LogEntrySummary {
  readonly description: string;
  readonly executiveResponse: string;
  readonly completedOn: string | null;
  readonly createdBy: string | null;
  readonly statusHistory: readonly StatusChange[];
  readonly themeFigures: ThemeFigures | null;
  readonly hasItWorked: ThemeImpact | null;
  /** Record-level roles only. */
  readonly linkedEscalations?: readonly LogEscalation[];
  readonly themeEscalationsSinceAdded?: readonly LogEscalation[];
}

export interface LogEntryData {
  readonly strategicLogEntry: LogEntryDetail;
}

export const LOG_ENTRY: TypedDocumentNode<LogEntryData, { readonly partnershipId: string; readonly id: string; readonly recordLevel: boolean }> = gql`
  query StrategicLogEntry($partnershipId: ID!, $id: ID!, $recordLevel: Boolean!) {
    strategicLogEntry(partnershipId: $partnershipId, id: $id) {
      ...LogEntryDetail
      linkedEscalations @include(if: $recordLevel) {
        id
        reference
        raisedAt
        status
        categoryLabel
        receivingAgencyName
        linked
      }
      themeEscalationsSinceAdded @include(if: $recordLevel) {
        id
        reference
        raisedAt
        status
        categoryLabel
        receivingAgencyName
        linked
      }
    }
  }

  fragment LogEntryDetail on StrategicLogEntry {
    ...LogEntrySummary
    description
    executiveResponse
    completedOn
    createdBy
    statusHistory {
      fromStatus
      toStatus
      note
      changedBy
      changedAt
    }
    themeFigures {
      since
      through
      raisedSinceAdded {
        ...LogCount
      }
      linked {
        ...LogCount
      }
      months {
        month
        partial
        escalations {
          ...LogCount
        }
      }
    }
    hasItWorked {
      completedOn
      windowDays
      tooFewToTell
      caveat
      summary
      fewestEscalations
      change
      before {
        from
        to
        perMonth
        escalations {
          ...LogCount
        }
      }
      after {
        from
        to
        perMonth
        escalations {
          ...LogCount
        }
      }
    }
  }

  ${LOG_ENTRY_SUMMARY}

  fragment LogCount on AnalyticsCount {
    value
    display
    suppressed
  }
`;

interface EntryChange {
  readonly partnershipId: string;
  readonly id: string;
  readonly expectedVersion: number;
}

export interface UpdateLogEntryInput extends EntryChange {
  readonly title?: string;
  readonly description?: string;
  readonly owner?: string;
  readonly reviewDate?: string | null;
  readonly completedOn?: string;
}

export interface RespondToLogEntryInput extends EntryChange {
  readonly executiveResponse?: string;
  readonly status?: LogStatus;
  readonly note?: string;
}

export interface ChangeLogEntryStatusInput extends EntryChange {
  readonly status: LogStatus;
  readonly note?: string;
}

export const UPDATE_LOG_ENTRY: TypedDocumentNode<{ readonly updateLogEntry: LogEntrySummary }, { readonly input: UpdateLogEntryInput }> = gql`
  mutation UpdateLogEntry($input: UpdateLogEntryInput!) {
    updateLogEntry(input: $input) {
      ...LogEntrySummary
    }
  }

  ${LOG_ENTRY_SUMMARY}
`;

export const RESPOND_TO_LOG_ENTRY: TypedDocumentNode<{ readonly respondToLogEntry: LogEntrySummary }, { readonly input: RespondToLogEntryInput }> = gql`
  mutation RespondToLogEntry($input: RespondToLogEntryInput!) {
    respondToLogEntry(input: $input) {
      ...LogEntrySummary
    }
  }

  ${LOG_ENTRY_SUMMARY}
`;

export const CHANGE_LOG_ENTRY_STATUS: TypedDocumentNode<{ readonly changeLogEntryStatus: LogEntrySummary }, { readonly input: ChangeLogEntryStatusInput }> = gql`
  mutation ChangeLogEntryStatus($input: ChangeLogEntryStatusInput!) {
    changeLogEntryStatus(input: $input) {
      ...LogEntrySummary
    }
  }

  ${LOG_ENTRY_SUMMARY}
`;

export interface RaiseLogEntryInput {
  readonly partnershipId: string;
  readonly categoryCode: string;
  readonly receivingAgencyId: string;
  readonly from: string;
  readonly to: string;
  readonly minCount: number;
  readonly windowDays: number;
}

export const RAISE_LOG_ENTRY: TypedDocumentNode<{ readonly raiseLogEntryFromThemeSignal: { readonly id: string } }, { readonly input: RaiseLogEntryInput }> = gql`
  mutation RaiseLogEntryFromThemeSignal($input: RaiseLogEntryFromThemeSignalInput!) {
    raiseLogEntryFromThemeSignal(input: $input) {
      id
    }
  }
`;
