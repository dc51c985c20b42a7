import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Page } from './cursor';

/**
 * The OpenAPI shape of a cursor page of `item`; `total` documents the count. A list DTO
 * extends it under its own name: `class ReviewListDto extends PageOf(ReviewResponseDto) {}`.
 */
export function PageOf<Item>(
  item: Type<Item>,
  total: ApiPropertyOptions = { example: 1 },
): Type<Page<Item>> {
  class PageOfDto implements Page<Item> {
    @ApiProperty({ type: [item] }) items!: Item[];
    @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
    @ApiProperty(total) total!: number;
  }
  return PageOfDto;
}
