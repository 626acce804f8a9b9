// The 定点药店收银台 page for trainers and researchers, served beside the research console. The page
// itself is public; every request it makes needs the researcher key (it asks for it like the console).
import fs from 'fs';
import type { FastifyInstance } from 'fastify';
import { cspHeader, inlineScriptHashes } from '../csp';

export function registerCashier(app: FastifyInstance, file: string) {
  app.get('/cashier', async (_req, reply) => {
    const html = await fs.promises.readFile(file, 'utf8');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', cspHeader(inlineScriptHashes(html)))
      .send(html);
  });
}
