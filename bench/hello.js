// Writes a hello-world Taro app beside the project (bench/.work/hello), with the same plugins and
// compiler settings, resolving packages from the project's node_modules: the size floor. It has a
// second page opened by a tap, so the first-screen bench can time a tap on both builds alike.
// Like for like: the same browserslist targets as the app (package.json), and the same choice of them
// (mini-programs build for the "mini" list, ES5, as config/index.ts sets it; H5 for the default one).
const fs = require('fs');
const path = require('path');

const { browserslist } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'));

const FILES = {
  'package.json': JSON.stringify({ name: 'hello', private: true, version: '0.0.0', browserslist }, null, 2),
  'babel.config.js':
    "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n",
  'project.config.json': JSON.stringify({
    miniprogramRoot: 'dist/weapp/',
    appid: 'touristappid',
    compileType: 'miniprogram',
  }),
  'config/index.ts': `import { defineConfig } from '@tarojs/cli';
if (process.env.TARO_ENV && process.env.TARO_ENV !== 'h5') process.env.BROWSERSLIST_ENV = 'mini';
export default defineConfig<'webpack5'>(async () => ({
  projectName: 'hello',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: \`dist/\${process.env.TARO_ENV}\`,
  plugins: ['@tarojs/plugin-platform-alipay'],
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: { publicPath: '/', staticDirectory: 'static', router: { mode: 'hash' } },
}));
`,
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index', 'pages/next/index'] });\n",
  'src/app.ts': `import type { PropsWithChildren } from 'react';
function App({ children }: PropsWithChildren) {
  return children;
}
export default App;
`,
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'hello' });\n",
  'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
export default function Index() {
  return (
    <View onClick={() => Taro.navigateTo({ url: '/pages/next/index' })}>
      <Text>hello</Text>
    </View>
  );
}
`,
  'src/pages/next/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'next' });\n",
  'src/pages/next/index.tsx': `import { Text, View } from '@tarojs/components';
export default function Next() {
  return (
    <View>
      <Text>second page</Text>
    </View>
  );
}
`,
  'src/index.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>hello</title><script><%= htmlWebpackPlugin.options.script %></script></head><body><div id="app"></div></body></html>\n`,
};

function writeHello(root, dir) {
  for (const [rel, text] of Object.entries(FILES)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  const link = path.join(dir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, 'node_modules'), link, 'dir');
}

module.exports = { writeHello };
