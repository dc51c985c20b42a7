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
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto } from './dto/campaign-fields';
import { CampaignListDto, CampaignResponseDto } from './dto/campaign-response.dto';
import { ListCampaignsQuery } from './dto/list-campaigns.query';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @ApiOperation({
    summary: 'Record a paid acquisition campaign: spend, period, prospects reached.',
  })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  async create(
    @Body() body: CreateCampaignDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignResponseDto> {
    const { campaign, created } = await this.campaigns.create(body);
    response.status(created ? 201 : 200);
    return CampaignResponseDto.from(campaign, this.campaigns.baseCurrency);
  }

  @Get()
  @ApiOperation({ summary: 'List campaigns, latest start first; filter by channel.' })
  @ApiOkResponse({ type: CampaignListDto })
  async list(@Query() query: ListCampaignsQuery): Promise<CampaignListDto> {
    const page = await this.campaigns.list(query);
    return {
      ...page,
      items: page.items.map((campaign) =>
        CampaignResponseDto.from(campaign, this.campaigns.baseCurrency),
      ),
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<CampaignResponseDto> {
    return CampaignResponseDto.from(await this.campaigns.get(id), this.campaigns.baseCurrency);
  }
}
