import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { parseIsoInstant } from '../common/dates/iso-date';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { RequireRole } from '../auth/roles.decorator';
import { DigestRunnerService } from './delivery/digest-runner.service';
import { DigestSubscription } from './digest-subscription.entity';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { DeliveryResponseDto } from './dto/delivery-response.dto';
import { PreviewQuery, SendDigestDto } from './dto/digest-requests.dto';
import { ListSubscriptionsQuery } from './dto/list-subscriptions.query';
import { SendResultDto } from './dto/send-result.dto';
import { SubscriptionListDto, SubscriptionResponseDto } from './dto/subscription-response.dto';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto';

@ApiTags('digests')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/digests/subscriptions')
export class DigestSubscriptionsController extends RecordRoutes({
  service: DigestSubscriptionsService,
  response: SubscriptionResponseDto,
  create: {
    body: CreateSubscriptionDto,
    summary: 'Subscribe addresses to a digest on a schedule.',
  },
  list: {
    type: SubscriptionListDto,
    query: ListSubscriptionsQuery,
    summary: 'List subscriptions: filter by active and recipient; cursor pages.',
  },
  update: {
    body: UpdateSubscriptionDto,
    summary:
      'Change some fields. A new schedule (or re-activation) applies from now: earlier periods are not sent.',
  },
  remove: { summary: 'Delete a subscription with its delivery history.', returnsRecord: true },
}) {
  constructor(
    subscriptions: DigestSubscriptionsService,
    private readonly runner: DigestRunnerService,
  ) {
    super(subscriptions);
  }

  @Get(':id/preview')
  @ApiOperation({
    summary:
      'Render the last completed period (HTML or plain text) without sending. Headers give the subject and period.',
  })
  @ApiProduces('text/html', 'text/plain')
  @ApiOkResponse({ description: 'The digest as it would be sent.', type: String })
  async preview(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PreviewQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const at = query.at ? parseIsoInstant(query.at) : undefined;
    const { period, rendered, wouldSkip } = await this.runner.preview(id, at);
    const html = (query.format ?? 'html') === 'html';
    response.type(html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    // The preview is served from the dashboard's origin: nothing in it may run.
    response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Digest-Subject', encodeURIComponent(rendered.subject));
    response.setHeader('X-Digest-Period-Start', new Date(period.start).toISOString());
    response.setHeader('X-Digest-Period-End', new Date(period.end).toISOString());
    response.setHeader('X-Digest-Would-Skip', String(wouldSkip));
    return html ? rendered.html : rendered.text;
  }

  @Post(':id/send')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send the last completed period now. Once per period (409 when already sent) unless force.',
  })
  @ApiOkResponse({ type: SendResultDto })
  async send(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SendDigestDto,
  ): Promise<SendResultDto> {
    const { claim, deliveries } = await this.runner.send(id, {
      force: body.force,
      at: body.at ? parseIsoInstant(body.at) : undefined,
      trigger: 'api',
    });
    return {
      claimId: claim.id,
      periodStart: new Date(claim.periodStart).toISOString(),
      periodEnd: new Date(claim.periodEnd).toISOString(),
      status: claim.status,
      forced: claim.slot !== 'scheduled',
      deliveries: deliveries.map((delivery) => DeliveryResponseDto.from(delivery)),
    };
  }

  /** Every subscription is a new one: there is no natural key to find it by. */
  protected async write(body: CreateSubscriptionDto): Promise<Written<DigestSubscription>> {
    return { record: await this.service.create(body), outcome: 'created' };
  }

  protected toResponses(subscriptions: DigestSubscription[]): SubscriptionResponseDto[] {
    return subscriptions.map((subscription) => SubscriptionResponseDto.from(subscription));
  }
}
