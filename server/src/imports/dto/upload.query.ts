import { IsRecordId } from '../../common/validation/is-record-id.js';

/** `POST /imports?partnershipId=…`: whose escalations the file holds. */
export class UploadQuery {
  @IsRecordId()
  partnershipId: string;
}
