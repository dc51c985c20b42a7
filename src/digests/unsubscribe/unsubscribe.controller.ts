import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../../auth/roles.decorator';
import { confirmPage, donePage } from './unsubscribe-page';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The List-Unsubscribe link of every digest (RFC 2369, one-click per RFC 8058): no key, the
 * signed token is the authority. A mail client's one-click POST unsubscribes at once; a person
 * opening the link gets a page whose button posts.
 */
@ApiTags('digests')
@Public()
@Controller('api/v1/digests/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The confirmation page of an unsubscribe link (changes nothing).' })
  @ApiParam({ name: 'token', description: 'The signed token of the digest’s List-Unsubscribe.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with the button that unsubscribes.', type: String })
  async confirm(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const subscription = await this.unsubscribes.subscriptionOf(token);
    response.type('text/html; charset=utf-8');
    return confirmPage(subscription.language, subscription.name);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Unsubscribe the address the token names: removed from the subscription’s recipients (the last one deactivates it). Idempotent.',
  })
  @ApiParam({ name: 'token', description: 'The signed token of the digest’s List-Unsubscribe.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page saying the address is off the list.', type: String })
  async unsubscribe(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const subscription = await this.unsubscribes.subscriptionOf(token);
    const outcome = await this.unsubscribes.unsubscribe(token);
    response.type('text/html; charset=utf-8');
    return donePage(subscription.language, outcome);
  }
}
