import { MemberFieldsDto } from './member-fields';

/** Every field optional; a field left out keeps its value. */
export class UpdateMemberDto extends MemberFieldsDto {}
