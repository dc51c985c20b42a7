import { ApiProperty } from '@nestjs/swagger';
import { ImportColumn } from '../import-columns';

export class ImportColumnDto implements ImportColumn {
  @ApiProperty({ example: 'email', description: 'The header name; nested fields dotted.' })
  name!: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'list'], example: 'string' })
  kind!: ImportColumn['kind'];
  @ApiProperty({
    description:
      'A row without it is refused. Rules between fields (externalId or email) are not marked.',
  })
  required!: boolean;
}

export class ImportColumnsDto {
  @ApiProperty({ example: 'members' })
  type!: string;
  @ApiProperty({ type: [ImportColumnDto] })
  columns!: ImportColumnDto[];
}
