// index.html's static 服务大厅 (config/hallShellMarkup.ts) with its style and script, for the H5 build.
import fs from 'fs';
import path from 'path';
import { createSwcRegister } from '@tarojs/helper';

// Taro compiles only config/ when it loads the config; the lists and profiles the markup uses live in
// src. A second register replaces Taro's, so it names config/ again.
const src = path.resolve(__dirname, '../src');
createSwcRegister({
  only: [
    (f: string) =>
      f.startsWith(__dirname) ||
      f.startsWith(path.join(src, 'domain')) ||
      f.startsWith(path.join(src, 'pages/index/services')),
  ],
});

/** Everything index.html needs, as one string for `htmlWebpackPlugin.options.hallShell`. */
export function hallShell(requestedProfile: string): string {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { DEFAULT_PROFILE, isProfileId } = require('../src/domain/profiles') as typeof import('../src/domain/profiles');
  const { HALL_SHELL_STYLE, hallShellMarkup } = require('./hallShellMarkup') as typeof import('./hallShellMarkup');
  /* eslint-enable @typescript-eslint/no-var-requires */
  const profileId = isProfileId(requestedProfile) ? requestedProfile : DEFAULT_PROFILE;
  const script = fs.readFileSync(path.join(__dirname, 'hall-shell.js'), 'utf8');
  return `<style>${HALL_SHELL_STYLE.trim()}</style>${hallShellMarkup(profileId)}<script>${script}</script>`;
}
