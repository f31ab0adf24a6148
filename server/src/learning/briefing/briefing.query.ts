import { IsRecordId } from '../../common/validation/is-record-id.js';

/** `GET /learning/:id/briefing.pdf?partnershipId=…`: the item's key. */
export class BriefingParams {
  @IsRecordId()
  id: string;
}

export class BriefingQuery {
  @IsRecordId()
  partnershipId: string;
}
