import express, { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';

/** The dashboard's files, from the project root so that src/ and dist/ serve the same ones. */
export const DASHBOARD_ROOT = join(projectRoot(), 'src', 'dashboard', 'public');

/** Paths the API owns; the dashboard never answers them. */
const API_PATHS = /^\/(api|docs|health)(\/|-|$)/;

/**
 * Scripts only from this origin and no inline code: even if a name or a review body ever
 * reached the page as markup, the browser would refuse to run it.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // File names carry no version: the browser keeps copies but revalidates them (ETag → 304).
  response.setHeader('Cache-Control', 'no-cache');
}

/** Static files of the dashboard at `/`, before the API routes and outside the API key guard. */
export function dashboardAssets(
  root = DASHBOARD_ROOT,
): (request: Request, response: Response, next: NextFunction) => void {
  const files = express.static(root, {
    index: 'index.html',
    dotfiles: 'ignore',
    redirect: false,
    etag: true,
    lastModified: true,
    cacheControl: false,
    setHeaders,
  });
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) {
      next();
      return;
    }
    files(request, response, next);
  };
}
