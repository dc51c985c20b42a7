import { In } from 'typeorm';
import { findAmong } from '../../database/batch/batch-plan';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { Purchase } from '../../purchases/purchase.entity';
import { PurchasesService } from '../../purchases/purchases.service';
import { RecordImporter } from '../record-importer';

/** Orders and refunds by externalId; they run the same listeners (referral conversion) as a POST. */
export function purchasesImporter(purchases: PurchasesService): RecordImporter<CreatePurchaseDto> {
  return {
    type: 'purchases',
    dto: CreatePurchaseDto,
    write: async (manager, row) => (await purchases.record(row, manager)).outcome,
    plan: (manager, rows) => purchases.planBatch(manager, rows),
    createdIds: async (manager, rows) => {
      const found = await findAmong(
        manager,
        Purchase,
        rows.map((row) => row.externalId),
        (chunk) => ({ externalId: In(chunk) }),
        { select: { id: true } },
      );
      return found.map((purchase) => purchase.id);
    },
    undo: {
      table: 'purchases',
      // A refund of it, or a referral it converted; its mention urls go with it (CASCADE).
      references: [
        { table: 'purchases', column: 'refund_of_id' },
        { table: 'referrals', column: 'converting_purchase_id' },
      ],
    },
  };
}
