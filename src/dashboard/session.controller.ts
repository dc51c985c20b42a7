import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ApiKey } from '../auth/api-key.entity';
import { SESSION_COOKIE } from '../auth/api-key.guard';
import { Public } from '../auth/roles.decorator';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

/** The dashboard's sign-in: the key goes into an httpOnly cookie that the API key guard reads. */
@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: `Sign in with an API key: sets the ${SESSION_COOKIE} cookie (httpOnly, SameSite=Strict).`,
  })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'The key is unknown or revoked.' })
  async signIn(
    @Body() body: CreateSessionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponseDto> {
    const key = await this.sessions.signIn(body.key);
    setSessionCookie(request, response, body.key.trim());
    response.setHeader('Cache-Control', 'no-store');
    return this.sessions.describe(key);
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({
    summary: `Who is signed in: the role of the key in the ${SESSION_COOKIE} cookie (or the Authorization header).`,
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  current(
    @Req() request: AuthenticatedRequest<ApiKey>,
    @Res({ passthrough: true }) response: Response,
  ): SessionResponseDto {
    response.setHeader('Cache-Control', 'no-store');
    return this.sessions.describe(request.apiKey!);
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: clears the session cookie.' })
  @ApiNoContentResponse()
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearSessionCookie(request, response);
  }
}
