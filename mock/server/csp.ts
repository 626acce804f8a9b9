// The Content-Security-Policy the H5 app and the research console run under. Their few inline
// scripts (Taro's rem sizing, the console's own code) are allowed by hash, never by 'unsafe-inline'.
import { createHash } from 'crypto';
import helmet from 'helmet';

/** 'sha256-…' of every inline <script> (one without src) in an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const code = m[2] ?? '';
    if (/\bsrc\s*=/.test(attrs) || !code) continue;
    out.push(`'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  }
  return out;
}

export function contentSecurityPolicy(scriptHashes: string[]) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...new Set(scriptHashes)],
      // Taro and the console set styles inline; styles cannot run code.
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Signatures and proof photos are shown as data: URLs; console downloads and QR codes as blob:.
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  };
}

/** The same policy as one header value, for a page whose inline script may change while running. */
export function cspHeader(scriptHashes: string[]): string {
  const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.entries(contentSecurityPolicy(scriptHashes).directives)
    .map(([k, v]) => `${kebab(k)} ${v.join(' ')}`)
    .join('; ');
}

type HelmetOptions = Parameters<typeof helmet>[0];

/**
 * helmet's headers, worked out once. (@fastify/helmet rebuilds helmet, CSP parsing and all, on every
 * request; the answer never changes, so it is computed at start and set in one call.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as never, res as never, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}
