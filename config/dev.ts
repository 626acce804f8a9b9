import type { UserConfigExport } from '@tarojs/cli';

const mockPort = process.env.MOCK_PORT || '18080';

export default {
  logger: { quiet: true, stats: false },
  h5: {
    devServer: {
      host: '127.0.0.1',
      port: Number(process.env.H5_PORT || 10086),
      open: false,
      proxy: {
        // xfwd: the platform limits log-ins per phone, so it must see each phone's address.
        '/api': { target: `http://127.0.0.1:${mockPort}`, changeOrigin: true, xfwd: true },
        // The researcher console is served by the platform; through here its links point at this app.
        '/research': { target: `http://127.0.0.1:${mockPort}`, changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
