import { Controller, HttpException, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { setAuditActor } from '../../common/http/audit-context';
import { FailedAuthentications } from '../../auth/failed-authentications';
import { Public } from '../../auth/roles.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { writeStatus } from '../../common/http/write-outcome';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { HaloSettings } from '../../config/halo-settings';
import { InboundResultDto } from '../dto/inbound-result.dto';
import { InboundWebhooksService } from './inbound-webhooks.service';
import { readRawBody } from './raw-body';

@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class InboundWebhooksController {
  constructor(
    private readonly inbound: InboundWebhooksService,
    private readonly settings: HaloSettings,
    private readonly failures: FailedAuthentications,
  ) {}

  @Post(':sourceId')
  @Public()
  @ApiOperation({
    summary:
      "A sender's delivery, authenticated by its HMAC over the raw body, not by a key. Shopify: X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the body), X-Shopify-Topic orders/create, orders/paid or refunds/create. WooCommerce: X-WC-Webhook-Signature (base64 HMAC-SHA256 of the body), X-WC-Webhook-Topic order.created. Generic: X-Halo-Timestamp (Unix seconds, within 5 minutes) and X-Halo-Signature: sha256=<hex HMAC-SHA256 of `timestamp.body`>, body {type, record} with any importable record type. 401 for a missing or wrong signature, 403 for a disabled source, 404 for an unknown one.",
  })
  @ApiParam({ name: 'sourceId', format: 'uuid' })
  @ApiHeader({ name: 'X-Shopify-Hmac-Sha256', required: false })
  @ApiHeader({ name: 'X-Shopify-Topic', required: false })
  @ApiHeader({ name: 'X-WC-Webhook-Signature', required: false })
  @ApiHeader({ name: 'X-WC-Webhook-Topic', required: false })
  @ApiHeader({ name: 'X-Halo-Timestamp', required: false })
  @ApiHeader({ name: 'X-Halo-Signature', required: false })
  @ApiOkResponse({
    type: InboundResultDto,
    description: 'Stored (201), replayed or ignored (200).',
  })
  @ApiUnauthorizedResponse({
    description:
      'WEBHOOK_SIGNATURE_INVALID or WEBHOOK_TIMESTAMP_STALE; each counts as a failed authentication of the address (429 with Retry-After at auth.failuresPerMinute).',
  })
  async receive(
    @Param('sourceId', ParseIdPipe) sourceId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InboundResultDto> {
    const address = `address:${request.ip ?? 'unknown'}`;
    const source = await this.inbound.source(sourceId);
    // Bad signatures count as failed authentications of the sender's address (auth's limit).
    const retryAfter = this.failures.retryAfterSeconds([address]);
    if (retryAfter > 0) {
      response.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        `too many failed authentications; retry in ${retryAfter} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const body = await readRawBody(request, this.settings.server.bodyMaxBytes);
    const result = await this.inbound
      .receive(source, request.headers, body)
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === 'unauthorized')
          this.failures.record([address]);
        throw error;
      });
    // The audit's actor is the source whose signature held (DESIGN.md, webhooks).
    setAuditActor(request, {
      kind: 'webhookSource',
      keyId: source.source.id,
      keyName: source.source.name,
    });
    response.status(result.outcome === 'ignored' ? 200 : writeStatus(result.outcome));
    return result;
  }
}
