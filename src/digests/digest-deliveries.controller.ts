import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { DigestDeliveriesService } from './digest-deliveries.service';
import { DeliveryListDto, DeliveryResponseDto } from './dto/delivery-response.dto';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';

@ApiTags('digests')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/digests/deliveries')
export class DigestDeliveriesController {
  constructor(private readonly deliveries: DigestDeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'What was sent, when, to whom, and the outcome (attempts, next retry, server answer); newest first.',
  })
  @ApiOkResponse({ type: DeliveryListDto })
  async list(@Query() query: ListDeliveriesQuery): Promise<DeliveryListDto> {
    const page = await this.deliveries.list(query);
    return { ...page, items: page.items.map((item) => DeliveryResponseDto.from(item)) };
  }
}
