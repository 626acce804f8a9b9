import type { UserConfigExport } from '@tarojs/cli';

const mockPort = process.env.MOCK_PORT || '18080';
// `npm start -- --lan` puts the dev server and the platform on the LAN address (scripts/start.js).
const host = process.env.H5_HOST || '127.0.0.1';
const mockHost = !process.env.MOCK_HOST || process.env.MOCK_HOST === '0.0.0.0' ? '127.0.0.1' : process.env.MOCK_HOST;

export default {
  logger: { quiet: true, stats: false },
  h5: {
    devServer: {
      host,
      port: Number(process.env.H5_PORT || 10086),
      open: false,
      proxy: {
        // xfwd: the platform limits log-ins per phone, so it must see each phone's address.
        '/api': { target: `http://${mockHost}:${mockPort}`, changeOrigin: true, xfwd: true },
        // The researcher console is served by the platform; through here its links point at this app.
        '/research': { target: `http://${mockHost}:${mockPort}`, changeOrigin: true },
        // The 定点药店收银台 (trainers, researchers) is served beside it.
        '/cashier': { target: `http://${mockHost}:${mockPort}`, changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
