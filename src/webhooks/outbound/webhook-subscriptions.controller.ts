import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/roles.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { CreateWebhookSubscriptionDto } from '../dto/create-webhook-subscription.dto';
import { UpdateWebhookSubscriptionDto } from '../dto/update-webhook-subscription.dto';
import {
  WebhookSubscriptionListDto,
  WebhookSubscriptionResponseDto,
  WebhookSubscriptionWithSecretDto,
} from '../dto/webhook-subscription-response.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a url to events (tier.changed, referral.flagged, ambassador.new), sent in one signed POST per recompute. Answers the signing secret this once.',
  })
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto })
  async create(
    @Body() body: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    const { subscription, secret } = await this.subscriptions.create(body);
    return { ...WebhookSubscriptionResponseDto.from(subscription), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions, newest first; secrets are never listed.' })
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  async list(@Query() query: PageQueryDto): Promise<WebhookSubscriptionListDto> {
    const page = await this.subscriptions.list(query);
    return { ...page, items: page.items.map((item) => WebhookSubscriptionResponseDto.from(item)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription.' })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<WebhookSubscriptionResponseDto> {
    return WebhookSubscriptionResponseDto.from(await this.subscriptions.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the events, or disable (enabled: false) the subscription.' })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionResponseDto> {
    return WebhookSubscriptionResponseDto.from(await this.subscriptions.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete the subscription with its deliveries.' })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  async remove(@Param('id', ParseIdPipe) id: string): Promise<WebhookSubscriptionResponseDto> {
    return WebhookSubscriptionResponseDto.from(await this.subscriptions.remove(id));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret, used from the next attempt on; shown this once.',
  })
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto })
  async rotate(@Param('id', ParseIdPipe) id: string): Promise<WebhookSubscriptionWithSecretDto> {
    const { subscription, secret } = await this.subscriptions.rotate(id);
    return { ...WebhookSubscriptionResponseDto.from(subscription), secret };
  }
}
