import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { ListPurchasesQuery } from './dto/list-purchases.query';
import { PurchaseListDto, PurchaseResponseDto } from './dto/purchase-response.dto';
import { Purchase } from './purchase.entity';
import { PurchasesService } from './purchases.service';

@ApiTags('purchases')
@ApiBearerAuth()
@Controller('api/v1/purchases')
export class PurchasesController {
  constructor(private readonly purchases: PurchasesService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record an order or a refund (201); the same externalId and content again returns it (200); other content is 409.',
  })
  @ApiCreatedResponse({ type: PurchaseResponseDto })
  async create(
    @Body() body: CreatePurchaseDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseResponseDto> {
    const { purchase, outcome } = await this.purchases.record(body);
    response.status(outcome === 'created' ? 201 : 200);
    return (await this.toResponses([purchase]))[0];
  }

  @Get()
  @ApiOperation({
    summary: 'List purchases, newest first: filter by member, kind and occurredAt range.',
  })
  @ApiOkResponse({ type: PurchaseListDto })
  async list(@Query() query: ListPurchasesQuery): Promise<PurchaseListDto> {
    const page = await this.purchases.list(query);
    return { ...page, items: await this.toResponses(page.items) };
  }

  @Get(':id')
  @ApiOkResponse({ type: PurchaseResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<PurchaseResponseDto> {
    return (await this.toResponses([await this.purchases.get(id)]))[0];
  }

  private async toResponses(purchases: Purchase[]): Promise<PurchaseResponseDto[]> {
    const orders = await this.purchases.refundedOrderExternalIds(purchases);
    return purchases.map((purchase) =>
      PurchaseResponseDto.from(
        purchase,
        this.purchases.baseCurrency,
        purchase.refundOfId ? (orders.get(purchase.refundOfId) ?? null) : null,
      ),
    );
  }
}
