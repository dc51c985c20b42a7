import { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/api-key.guard';
import { SESSION_LIFETIME_MS } from '../auth/dashboard-sessions.service';

/**
 * httpOnly keeps the session token away from scripts; SameSite=Strict keeps other sites from
 * sending it; Secure when the request came over https.
 */
function cookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' };
}

export function setSessionCookie(request: Request, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, {
    ...cookieOptions(request),
    maxAge: SESSION_LIFETIME_MS,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
