import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Post, Query, Req, UseFilters } from '@nestjs/common';
import { Access } from '../auth/access.decorator.js';
import { requestActor } from '../auth/session-user.js';
import { HttpApiExceptionFilter } from '../common/errors/http-api-exception.filter.js';
import { UploadQuery } from './dto/upload.query.js';
import { storeUpload } from './files/upload-store.js';
import { toImportSession } from './import.mappers.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';
import { ImportsService } from './imports.service.js';
import type { ImportSession } from './models/import-session.model.js';

/** The header naming the uploaded file; a custom header also means no other site's form can send this request. */
export const FILE_NAME_HEADER = 'x-file-name';

/**
 * Upload of an escalation log: the request body is the file itself (any content type but
 * a form's), streamed to disk with its checksum and a size limit. Answers 201 with the
 * new import (its headers and first rows); the mapping, dry run and commit are GraphQL.
 * Errors: 400 EMPTY_FILE / CELL_TOO_LARGE / UNREADABLE_FILE / BAD_USER_INPUT, 413
 * FILE_TOO_LARGE, 415 UNSUPPORTED_FILE_TYPE, 404 PARTNERSHIP_NOT_FOUND.
 */
@Controller('imports')
@UseFilters(HttpApiExceptionFilter)
export class ImportUploadController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(201)
  @Access('POST /imports')
  async upload(@Req() req: IncomingMessage, @Query() query: UploadQuery): Promise<ImportSession> {
    const named = req.headers[FILE_NAME_HEADER];
    if (typeof named !== 'string' || named.trim() === '') {
      throw new ImportsException(ImportsErrorCode.UNREADABLE_FILE, `Send the file's name in the ${FILE_NAME_HEADER} header (URI-encoded).`);
    }
    const contentType = req.headers['content-type'] ?? '';
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i.test(contentType)) {
      throw new ImportsException(ImportsErrorCode.UNREADABLE_FILE, 'Send the file itself as the request body (Content-Type application/octet-stream), not a form.');
    }
    const fileName = safeDecode(named).slice(0, 255);
    const stored = await storeUpload(req);
    const session = await this.imports.open(requestActor(req), query.partnershipId, fileName, stored);
    return toImportSession(session, false);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
