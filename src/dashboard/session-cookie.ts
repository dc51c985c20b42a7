import { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/api-key.guard';

/** Long enough for a working day; signing in again is one paste. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** httpOnly keeps the key away from scripts; SameSite=Strict keeps other sites from using it. */
function cookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' };
}

export function setSessionCookie(request: Request, response: Response, secret: string): void {
  response.cookie(SESSION_COOKIE, secret, {
    ...cookieOptions(request),
    maxAge: SESSION_MAX_AGE_MS,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
