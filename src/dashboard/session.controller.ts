import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
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

/** The dashboard's sign-in: a session id goes into an httpOnly cookie that the API key guard resolves. */
@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: `Sign in with an API key: opens a session (12 hours from sign-in) and sets its id in the ${SESSION_COOKIE} cookie (httpOnly, SameSite=Strict, Secure over https). Writes with the cookie need a same-origin Origin and the csrfToken answered here as X-CSRF-Token.`,
  })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'The key is unknown or revoked.' })
  @ApiTooManyRequestsResponse({
    description: '10 failed authentications in a minute from this address or key prefix.',
  })
  async signIn(
    @Body() body: CreateSessionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponseDto> {
    const { key, session } = await this.sessions.signIn(body.key, request, response);
    setSessionCookie(request, response, session.token);
    response.setHeader('Cache-Control', 'no-store');
    return this.sessions.describe(key, request, session.csrfToken);
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({
    summary: `Who is signed in: the key behind the ${SESSION_COOKIE} cookie (with the session's CSRF token) or the Authorization header.`,
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  current(
    @Req() request: AuthenticatedRequest<ApiKey>,
    @Res({ passthrough: true }) response: Response,
  ): SessionResponseDto {
    response.setHeader('Cache-Control', 'no-store');
    return this.sessions.describe(request.apiKey!, request);
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears its cookie.' })
  @ApiNoContentResponse()
  async signOut(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.signOut(request);
    clearSessionCookie(request, response);
  }
}
