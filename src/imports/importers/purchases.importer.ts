import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { PurchasesService } from '../../purchases/purchases.service';
import { RecordImporter } from '../record-importer';

/** Orders and refunds by externalId; they run the same listeners (referral conversion) as a POST. */
export function purchasesImporter(purchases: PurchasesService): RecordImporter<CreatePurchaseDto> {
  return {
    type: 'purchases',
    dto: CreatePurchaseDto,
    write: async (manager, row) => (await purchases.record(row, manager)).outcome,
    plan: (manager, rows) => purchases.planBatch(manager, rows),
  };
}
