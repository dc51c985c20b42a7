import { ApiProperty } from '@nestjs/swagger';

/**
 * What a per-member profile (value, engagement) answers for a member who objects to profiling:
 * why it is empty and since when, and no figure (DESIGN.md, Privacy).
 */
export class ProfilingWithheldDto {
  @ApiProperty({
    enum: ['profilingObjection'],
    description: 'The member objects to profiling: nothing about them is computed or stored.',
  })
  withheld!: 'profilingObjection';

  @ApiProperty({ example: '2026-06-15T09:00:00.000Z', description: 'When the member objected.' })
  since!: string;

  static since(objectedAt: number): ProfilingWithheldDto {
    return { withheld: 'profilingObjection', since: new Date(objectedAt).toISOString() };
  }
}
