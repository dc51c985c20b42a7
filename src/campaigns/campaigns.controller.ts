import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { Campaign } from './campaign.entity';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto } from './dto/campaign-fields';
import { CampaignListDto, CampaignResponseDto } from './dto/campaign-response.dto';
import { ListCampaignsQuery } from './dto/list-campaigns.query';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsController extends RecordRoutes({
  service: CampaignsService,
  response: CampaignResponseDto,
  create: {
    body: CreateCampaignDto,
    summary: 'Record a paid acquisition campaign: spend, period, prospects reached.',
  },
  list: {
    type: CampaignListDto,
    query: ListCampaignsQuery,
    summary: 'List campaigns, latest start first; filter by channel.',
  },
}) {
  protected async write(body: CreateCampaignDto): Promise<Written<Campaign>> {
    const { campaign, created } = await this.service.create(body);
    return { record: campaign, outcome: created ? 'created' : 'unchanged' };
  }

  protected toResponses(campaigns: Campaign[]): CampaignResponseDto[] {
    return campaigns.map((campaign) =>
      CampaignResponseDto.from(campaign, this.service.baseCurrency),
    );
  }
}
