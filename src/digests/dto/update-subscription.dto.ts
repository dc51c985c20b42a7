import { SubscriptionFieldsDto } from './subscription-fields.dto';

/** Every field optional; a field left out keeps its value. */
export class UpdateSubscriptionDto extends SubscriptionFieldsDto {}
