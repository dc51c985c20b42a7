import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Liveness and readiness: 200 when the database answers, 503 when it does not.',
  })
  @ApiOkResponse({
    schema: { example: { status: 'ok', database: { type: 'better-sqlite3', ready: true } } },
  })
  async check(@Res({ passthrough: true }) response: Response) {
    let ready = false;
    try {
      await this.dataSource.query('SELECT 1');
      ready = true;
    } catch {
      ready = false;
    }
    response.status(ready ? 200 : 503);
    return {
      status: ready ? 'ok' : 'unavailable',
      database: { type: this.dataSource.options.type, ready },
    };
  }
}
