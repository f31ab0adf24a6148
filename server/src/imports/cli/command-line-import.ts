import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DateOrder, ImportMapping, ImportProblem, RaisedVia, Urgency } from '@escalation-insights/shared';
import type { Actor } from '../../common/actor/actor.js';
import { runAsActor } from '../../database/actor-scope.js';
import { checksumOf } from '../files/upload-store.js';
import type { ImportProgressRow, ImportSessionRecord } from '../import-sessions.repository.js';
import { ImportsErrorCode, ImportsException } from '../imports.exception.js';
import { ImportsService } from '../imports.service.js';

export interface CommandLineImportOptions {
  readonly file: string;
  readonly partnershipId: string;
  /** A whole mapping (JSON of shared's ImportMapping); else the partnership's saved one, or suggestions by name. */
  readonly mapping?: ImportMapping;
  readonly dateOrder?: DateOrder;
  readonly defaultUrgency?: Urgency;
  readonly defaultRaisedVia?: RaisedVia;
  readonly dryRun: boolean;
  readonly onProgress?: (progress: ImportProgressRow) => void;
}

export interface CommandLineImportResult {
  readonly session: ImportSessionRecord;
  readonly problems: ImportProblem[];
}

/** Who the command line acts as: system work for one partnership, labelled with the operating-system user. */
export function commandLineActor(partnershipId: string): Actor {
  return {
    kind: 'system', userId: null, role: null, partnershipId,
    label: `command line (${os.userInfo().username})`, requestIp: null, requestId: randomUUID(),
  };
}

/**
 * The command line's import, through the same services as the web app's: open the file
 * where it is (it is never copied or deleted), choose the mapping, then a dry run or a
 * commit, run to the end here with progress reported.
 */
export async function runCommandLineImport(app: INestApplicationContext, o: CommandLineImportOptions): Promise<CommandLineImportResult> {
  const imports = app.get(ImportsService);
  const actor = commandLineActor(o.partnershipId);
  return runAsActor(actor, async () => {
    const file = path.resolve(o.file);
    const { size } = await stat(file);
    const opened = await imports.open(actor, o.partnershipId, path.basename(file), { path: file, size, checksum: await checksumOf(file) }, false);
    const suggested = await imports.suggestedMapping(opened);
    const dateOrder = o.mapping?.dateOrder ?? o.dateOrder ?? suggested.dateOrder;
    if (!dateOrder) {
      throw new ImportsException(ImportsErrorCode.INVALID_MAPPING, 'State how the file writes dates: --date-order day-first (24/02/2025) or --date-order month-first (02/24/2025).', { problems: [] });
    }
    const mapping: ImportMapping = o.mapping ?? {
      ...suggested,
      dateOrder,
      defaultUrgency: o.defaultUrgency ?? suggested.defaultUrgency,
      defaultRaisedVia: o.defaultRaisedVia ?? suggested.defaultRaisedVia,
    };
    await imports.setMapping(actor, o.partnershipId, opened.id, mapping);
    const session = await imports.start(o.dryRun ? 'dry_run' : 'commit', actor, o.partnershipId, opened.id, { onProgress: o.onProgress });
    const problems = session.counts && session.counts.problemCount > 0 ? await imports.problems(o.partnershipId, opened.id, 100, 0) : [];
    return { session, problems };
  });
}
