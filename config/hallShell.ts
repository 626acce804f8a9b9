// index.html's static 服务大厅 (config/hallShellMarkup.ts) with its style and script, for the H5 build.
import fs from 'fs';
import path from 'path';
import { createSwcRegister } from '@tarojs/helper';
import type * as Profiles from '../src/domain/profiles';
import type * as Markup from './hallShellMarkup';
import type { Compiler } from 'webpack';

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
  // Required here, after the register above, so that src/ is compiled when they load.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { DEFAULT_PROFILE, isProfileId } = require('../src/domain/profiles') as typeof Profiles;
  const { HALL_SHELL_STYLE, hallShellMarkup } = require('./hallShellMarkup') as typeof Markup;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const profileId = isProfileId(requestedProfile) ? requestedProfile : DEFAULT_PROFILE;
  const script = fs.readFileSync(path.join(__dirname, 'hall-shell.js'), 'utf8');
  return `<style>${HALL_SHELL_STYLE.trim()}</style>${hallShellMarkup(profileId)}<script>${script}</script>`;
}

/**
 * Names the hashed chunks of the hall, log-in and 家庭共济 pages on the static hall (data-chunks), so
 * its script can fetch the hall's chunks alongside the first bundle rather than after it, and the
 * next page's chunks at the moment of a tap.
 */
export class HallShellChunksPlugin {
  apply(compiler: Compiler) {
    // The html-webpack-plugin instance Taro's runner uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HtmlWebpackPlugin = require(
      require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }),
    );
    compiler.hooks.compilation.tap('HallShellChunks', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('HallShellChunks', (data: { html: string }) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/');
        const chunks: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          for (const origin of group.origins) {
            const page = /pages\/(index|login|family)\/index$/.exec(origin.request ?? '')?.[1];
            if (!page) continue;
            chunks[page] = group.chunks
              .flatMap((c) => [...c.files])
              .filter((f) => f.endsWith('.js'))
              .map((f) => publicPath + f);
          }
        }
        data.html = data.html.replace('data-chunks="{}"', `data-chunks='${JSON.stringify(chunks)}'`);
        return data;
      });
    });
  }
}
