import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { hallShell, HallShellChunksPlugin } from './hallShell';

// Settings reach the app only through TARO_APP_* variables (read in src/shared/config/env.ts). Taro
// itself injects only those found in .env files; these come from the shell, with defaults.
const appEnv = {
  TARO_APP_API_MODE: process.env.TARO_APP_API_MODE || 'http',
  TARO_APP_API_BASE: process.env.TARO_APP_API_BASE || '',
  TARO_APP_PROFILE: process.env.TARO_APP_PROFILE || '',
  TARO_APP_API_TIMEOUT_MS: process.env.TARO_APP_API_TIMEOUT_MS || '10000',
  // The offline demo's starting data: a research situation id (e.g. purchase-history), or the seed.
  TARO_APP_SITUATION: process.env.TARO_APP_SITUATION || '',
};

// Mini-program builds target the oldest WeChat/Alipay clients still in use (project.config.json has
// es6: false, so nothing transforms the code after us): package.json's "mini" browserslist. H5 keeps
// the "defaults" one. Babel, autoprefixer and the syntax check in scripts/check-mini read the same list.
// It leaves out Internet Explorer, which no mini-program runs in (its -ms- prefixes were 0.9 KB of app.wxss).
if (process.env.TARO_ENV && process.env.TARO_ENV !== 'h5') process.env.BROWSERSLIST_ENV = 'mini';

// OUTPUT_ROOT lets the mini check build the online and offline apps side by side.
const outputRoot = process.env.OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'longjiang-family-mutual-aid',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: ['@tarojs/plugin-platform-alipay', path.resolve(__dirname, 'usedComponentTemplates.ts')],
    defineConstants: {},
    env: Object.fromEntries(Object.entries(appEnv).map(([k, v]) => [k, JSON.stringify(v)])),
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@domain': path.resolve(__dirname, '..', 'src/domain'),
      '@mock': path.resolve(__dirname, '..', 'mock'),
    },
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }] : [],
      options: {},
    },
    // WeChat templates cannot recurse, so base.wxml spells out every component at every nesting level up
    // to baseLevel (Taro's default 16: about 59 KB of the main package); deeper nodes fall back to Taro's
    // recursive `comp` component. Alipay and H5 recurse and ignore it. Our deepest page nests 7 levels
    // (measured in the simulated citizen flow, scripts/check-mini), 8 with the tour's frame: 10 keeps
    // every one of them native, with room.
    baseLevel: 10,
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // The offline demo runs the simulator (mock/platform) inside the app; let the build compile it.
      // zustand ships ES2018+; the mini builds must be ES5 throughout (see BROWSERSLIST_ENV above).
      compile: {
        include: [path.resolve(__dirname, '..', 'mock'), path.resolve(__dirname, '..', 'node_modules/zustand')],
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // The static 服务大厅 in index.html; the offline demo's hall has trainer controls, so none there.
      htmlPluginOption: {
        hallShell: appEnv.TARO_APP_API_MODE === 'offline' ? '' : hallShell(appEnv.TARO_APP_PROFILE),
      },
      // Taro splits only the first bundle; every page chunk then carries its own copy of Taro's
      // components and the app's stores. Share them between pages, so a tap from the hall fetches
      // little more than the next page's own code.
      webpackChain(chain) {
        chain.plugin('hallShellChunks').use(HallShellChunksPlugin);
        const splitChunks = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            pagesShared: { chunks: 'async', minChunks: 2, minSize: 10000, priority: -5, reuseExistingChunk: true },
            // The flow pages' shared stylesheet (src/shared/ui/flow.scss): one file fetched with the first
            // flow page, not a copy inside each page's chunk.
            flowStyles: {
              test: /[\\/]shared[\\/]ui[\\/]flow\.scss$/,
              chunks: 'async',
              name: 'flow-styles',
              enforce: true,
            },
          },
        });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.resolve(__dirname, '..', 'mock')] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
