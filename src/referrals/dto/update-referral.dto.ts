import { ReferralMutableFieldsDto } from './referral-fields';

/** Every field optional; a field left out keeps its value. Approval has its own endpoints. */
export class UpdateReferralDto extends ReferralMutableFieldsDto {}
