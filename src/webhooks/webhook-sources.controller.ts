import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { HaloSettings } from '../config/halo-settings';
import { CreateWebhookSourceDto } from './dto/create-webhook-source.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { UpdateWebhookSourceDto } from './dto/update-webhook-source.dto';
import {
  WebhookSourceListDto,
  WebhookSourceResponseDto,
  WebhookSourceWithSecretDto,
} from './dto/webhook-source-response.dto';
import { SourceWithSecret, WebhookSourcesService } from './webhook-sources.service';
import { WebhookSource } from './webhook-source.entity';

@ApiTags('webhooks')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/webhook-sources')
export class WebhookSourcesController {
  constructor(
    private readonly sources: WebhookSourcesService,
    private readonly settings: HaloSettings,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Create an inbound source (shopify, woocommerce or generic). Answers the url to give the sender and, for a generic source, its signing secret, shown this once.',
  })
  @ApiCreatedResponse({ type: WebhookSourceWithSecretDto })
  async create(@Body() body: CreateWebhookSourceDto): Promise<WebhookSourceWithSecretDto> {
    return this.withSecret(await this.sources.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List inbound sources, newest first; secrets are never listed.' })
  @ApiOkResponse({ type: WebhookSourceListDto })
  async list(@Query() query: PageQueryDto): Promise<WebhookSourceListDto> {
    const page = await this.sources.list(query);
    return { ...page, items: page.items.map((source) => this.response(source)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inbound source.' })
  @ApiOkResponse({ type: WebhookSourceResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<WebhookSourceResponseDto> {
    return this.response(await this.sources.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, disable (enabled: false) or enable a source.' })
  @ApiOkResponse({ type: WebhookSourceResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateWebhookSourceDto,
  ): Promise<WebhookSourceResponseDto> {
    return this.response(await this.sources.update(id, body));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Replace the source's secret at once: the shop's new one (shopify, woocommerce), or a generated one shown this once (generic).",
  })
  @ApiOkResponse({ type: WebhookSourceWithSecretDto })
  async rotate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RotateSecretDto,
  ): Promise<WebhookSourceWithSecretDto> {
    return this.withSecret(await this.sources.rotate(id, body.secret));
  }

  private response(source: WebhookSource): WebhookSourceResponseDto {
    const base = this.settings.server.publicBaseUrl.replace(/\/+$/, '');
    return WebhookSourceResponseDto.from(source, `${base}/api/v1/webhooks/${source.id}`);
  }

  private withSecret({ source, secret }: SourceWithSecret): WebhookSourceWithSecretDto {
    return secret === undefined ? this.response(source) : { ...this.response(source), secret };
  }
}
