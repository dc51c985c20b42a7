import { MemberFieldsDto } from './member-fields';

export class CreateMemberDto extends MemberFieldsDto {}
