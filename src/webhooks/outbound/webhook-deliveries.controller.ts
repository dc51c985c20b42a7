import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/roles.decorator';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { ListWebhookDeliveriesQuery } from '../dto/list-webhook-deliveries.query';
import {
  WebhookDeliveryListDto,
  WebhookDeliveryResponseDto,
} from '../dto/webhook-delivery-response.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatcher } from './webhook-dispatcher.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(
    private readonly deliveries: WebhookDeliveriesService,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Outbound deliveries, newest first: status (pending, retrying, delivered, failed), attempts, next retry, last answer. `?status=failed` lists what gave up.',
  })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  async list(@Query() query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryListDto> {
    const page = await this.deliveries.list(query);
    return { ...page, items: page.items.map((item) => WebhookDeliveryResponseDto.from(item)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery.' })
  @ApiOkResponse({ type: WebhookDeliveryResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryResponseDto> {
    return WebhookDeliveryResponseDto.from(await this.deliveries.get(id));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Attempt a pending, retrying or failed delivery now (a failed one gets one more attempt); answers it afterwards.',
  })
  @ApiOkResponse({ type: WebhookDeliveryResponseDto })
  async retry(@Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryResponseDto> {
    await this.deliveries.get(id);
    await this.dispatcher.attempt(id, Date.now(), true);
    return WebhookDeliveryResponseDto.from(await this.deliveries.get(id));
  }
}
