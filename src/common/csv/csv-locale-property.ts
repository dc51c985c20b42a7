import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CSV_LOCALES } from './csv-locale';

/** `?locale=en|it` of a CSV export: how numbers, dates and cells are written (csvDialect). */
export function CsvLocaleProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: CSV_LOCALES,
      default: 'en',
      description:
        'With format=csv: en writes `,` between cells, `.` decimals and ISO 8601 in UTC; it writes `;`, decimal commas, instants as 31/12/2025 14:30 in brand.timezone and dates as 31/12/2025, as Italian Excel opens them.',
    }),
    IsOptional(),
    IsIn(CSV_LOCALES),
  );
}
