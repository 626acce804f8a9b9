// The import rule is kept by the linter, not by goodwill: each case lints a small probe as if it were
// a file at that place in the tree, with the project's own eslint.config.mjs, and expects the verdict.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The rules that fired when `code` stands at `file` (a path from the project root). */
async function rulesFired(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const refused = async (file, code, rule = 'boundaries/element-types') =>
  assert.ok((await rulesFired(file, code)).includes(rule), `${file}: «${code}» should break ${rule}`);

const accepted = async (file, code) => assert.deepEqual(await rulesFired(file, code), [], `${file}: «${code}»`);

test("a feature importing another feature's store fails", () =>
  refused('src/features/tour/probe.ts', "export { useAuthStore } from '@/features/auth/store';"));

test("a feature importing another feature's component or api fails, relative paths too", async () => {
  await refused('src/features/payment/probe.ts', "export { BindForm } from '@/features/binding/components/BindForm';");
  await refused('src/features/tour/probe.ts', "export { login } from '../auth/api/login';");
});

test("a feature may use another feature's public index.ts, and its own insides", async () => {
  await accepted('src/features/tour/probe.ts', "export { useAuthStore } from '@/features/auth';");
  await accepted('src/features/tour/probe.ts', "export { useTourStore } from './store';");
});

test('layers point down only, and domain imports nothing but domain (no package, no Node module)', async () => {
  await refused('src/shared/ui/Probe.tsx', "export { useAuthStore } from '@/features/auth';");
  await refused('src/domain/probe.ts', "export { env } from '@/shared/config/env';");
  await refused('src/domain/probe.ts', "export { default } from 'dayjs';", 'boundaries/external');
  await refused('src/domain/probe.ts', "export { readFileSync } from 'node:fs';", 'boundaries/external');
  await refused('src/features/auth/probe.ts', "export { default } from '@/pages/login/index';");
  await accepted('src/pages/login/probe.ts', "export { useAuthStore } from '@/features/auth/store';");
});

test('the app never imports the simulator, except the offline transport; the simulator uses only domain', async () => {
  await refused('src/features/tour/probe.ts', "export { SEED_IDS } from '@mock/platform/seed';");
  await refused('src/pages/index/probe.ts', "export { buildSeed } from '@mock/platform/seed';");
  await refused('src/shared/api/probe.ts', "export { createPlatform } from '@mock/platform/platform';");
  await accepted('src/shared/api/offlineTransport.ts', "export { createPlatform } from '@mock/platform/platform';");
  await refused('mock/platform/probe.ts', "export { apiRequest } from '@/shared/api/client';");
  await accepted('mock/platform/probe.ts', "export { validateBindingForm } from '@domain/validate';");
});

test('an import cycle fails', () =>
  // nav.ts imports track.ts; track.ts importing nav.ts back closes the loop.
  refused(
    'src/shared/telemetry/track.ts',
    "import { goTo } from '../lib/nav';\nexport const go = goTo;",
    'import-x/no-cycle',
  ));
