import { EntityManager } from 'typeorm';
import { BatchPlan, NeedsRowPath } from '../database/batch/batch-plan';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { sameContent } from './purchase-content';
import { Purchase } from './purchase.entity';

/**
 * A batch of purchase rows (PurchasesService.planBatch): new orders are queued, the same
 * content again is unchanged; refunds, other content and anything the batch's lookups cannot
 * settle go to the row path, which answers exactly as a single request does.
 */
export class PurchasesBatchPlan implements BatchPlan<CreatePurchaseDto> {
  private queued: Purchase[] = [];

  constructor(
    private readonly existing: Map<string, Purchase>,
    private readonly build: (row: CreatePurchaseDto) => Promise<Purchase>,
    private readonly insert: (manager: EntityManager, orders: Purchase[]) => Promise<void>,
  ) {}

  keys(row: CreatePurchaseDto): string[] {
    return [`externalId:${row.externalId}`];
  }

  async decide(row: CreatePurchaseDto): Promise<'created' | 'unchanged'> {
    if (row.kind === 'refund' || row.refundOf !== undefined) throw new NeedsRowPath('refund');
    const candidate = await this.build(row);
    const existing = this.existing.get(row.externalId);
    if (existing) {
      if (sameContent(existing, candidate)) return 'unchanged';
      throw new NeedsRowPath('other content');
    }
    this.queued.push(candidate);
    return 'created';
  }

  async flush(manager: EntityManager): Promise<void> {
    if (!this.queued.length) return;
    const orders = this.queued;
    this.queued = [];
    await this.insert(manager, orders);
  }
}
