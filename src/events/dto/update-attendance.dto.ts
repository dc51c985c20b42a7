import { AttendanceChangesDto } from './attendance-changes.dto';

/** Role, status (dated), and the guest list; a field left out keeps its value. */
export class UpdateAttendanceDto extends AttendanceChangesDto {}
