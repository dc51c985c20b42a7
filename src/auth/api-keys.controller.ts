import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeysService } from './api-keys.service';
import {
  ApiKeyListDto,
  ApiKeyResponseDto,
  CreatedApiKeyResponseDto,
} from './dto/api-key-response.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { RequireRole } from './roles.decorator';

@ApiTags('api-keys')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create a key; the answer holds its secret, shown once.' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { key, secret } = await this.keys.create(body.name, body.role);
    return { ...ApiKeyResponseDto.from(key), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List keys (never their secrets).' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    const keys = await this.keys.list();
    return {
      items: keys.map((key) => ApiKeyResponseDto.from(key)),
      nextCursor: null,
      total: keys.length,
    };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key: it stops working at once.' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyResponseDto> {
    return ApiKeyResponseDto.from(await this.keys.revoke(id));
  }
}
