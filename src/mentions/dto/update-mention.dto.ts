import { MentionMetricsDto } from './mention-metrics.dto';

/** The mutable fields of a mention; a field left out keeps its value. */
export class UpdateMentionDto extends MentionMetricsDto {}
