import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CreateReviewDto } from './dto/create-review.dto';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { ReviewListDto, ReviewResponseDto } from './dto/review-response.dto';
import { UpdateReviewDto } from './dto/update-review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a review (201). The same externalId or (platform, normalised url) again: 200 unchanged, or 200 with its counters or verified flag updated; other content is 409.',
  })
  @ApiCreatedResponse({ type: ReviewResponseDto })
  @ApiOkResponse({ type: ReviewResponseDto, description: 'Already stored: unchanged or updated.' })
  async create(
    @Body() body: CreateReviewDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewResponseDto> {
    const { review, outcome } = await this.reviews.write(body);
    response.status(outcome === 'created' ? 201 : 200);
    return ReviewResponseDto.from(review);
  }

  @Get()
  @ApiOperation({
    summary:
      'List reviews, newest first: filter by member, product, platform, minimum rating, publishedAt range.',
  })
  @ApiOkResponse({ type: ReviewListDto })
  async list(@Query() query: ListReviewsQuery): Promise<ReviewListDto> {
    const page = await this.reviews.list(query);
    return { ...page, items: page.items.map((review) => ReviewResponseDto.from(review)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ReviewResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<ReviewResponseDto> {
    return ReviewResponseDto.from(await this.reviews.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit rating, title, body or counters; fields left out keep their values.',
  })
  @ApiOkResponse({ type: ReviewResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateReviewDto,
  ): Promise<ReviewResponseDto> {
    return ReviewResponseDto.from(await this.reviews.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a review.' })
  @ApiNoContentResponse()
  async remove(@Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.reviews.remove(id);
  }
}
