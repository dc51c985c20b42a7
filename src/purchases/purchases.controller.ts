import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { ListPurchasesQuery } from './dto/list-purchases.query';
import { PurchaseListDto, PurchaseResponseDto } from './dto/purchase-response.dto';
import { Purchase } from './purchase.entity';
import { PurchasesService } from './purchases.service';

@ApiTags('purchases')
@ApiBearerAuth()
@Controller('api/v1/purchases')
export class PurchasesController extends RecordRoutes({
  service: PurchasesService,
  response: PurchaseResponseDto,
  create: {
    body: CreatePurchaseDto,
    summary:
      'Record an order or a refund (201); the same externalId and content again returns it (200); other content is 409.',
  },
  list: {
    type: PurchaseListDto,
    query: ListPurchasesQuery,
    summary: 'List purchases, newest first: filter by member, kind and occurredAt range.',
  },
}) {
  protected async write(body: CreatePurchaseDto): Promise<Written<Purchase>> {
    const { purchase, outcome } = await this.service.record(body);
    return { record: purchase, outcome };
  }

  /** A refund names its order's externalId: one query for the whole page. */
  protected async toResponses(purchases: Purchase[]): Promise<PurchaseResponseDto[]> {
    const orders = await this.service.refundedOrderExternalIds(purchases);
    return purchases.map((purchase) =>
      PurchaseResponseDto.from(
        purchase,
        this.service.baseCurrency,
        purchase.refundOfId ? (orders.get(purchase.refundOfId) ?? null) : null,
      ),
    );
  }
}
