// `npm start -- --lan`: where it listens, and the address the researcher console puts into links and QR codes.
import { buildServer } from '../../mock/server/server';
import { readSettings, SettingsError } from '../../mock/server/settings';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listenAddress, lanAddress } = require('../../scripts/lib/lan');

const nic = (address: string, internal = false) => ({ family: 'IPv4', internal, address });

test('loopback stays the default; --lan picks the private LAN address; --lan=ADDRESS is taken as given', () => {
  expect(listenAddress([])).toEqual({ host: '127.0.0.1', lan: false });
  const interfaces = { lo: [nic('127.0.0.1', true)], docker0: [nic('8.8.4.4')], wlan0: [nic('192.168.1.20')] };
  expect(listenAddress(['--lan'], interfaces)).toEqual({ host: '192.168.1.20', lan: true });
  expect(lanAddress({ eth0: [nic('10.0.0.7')] })).toBe('10.0.0.7');
  // A container bridge is never chosen over the Wi-Fi.
  expect(lanAddress({ docker0: [nic('172.17.0.1')], br0x: [nic('172.18.0.1')], wlan0: [nic('192.168.31.5')] })).toBe(
    '192.168.31.5',
  );
  expect(lanAddress({ docker0: [nic('172.17.0.1')], eth0: [nic('172.20.1.9')] })).toBe('172.20.1.9');
  expect(listenAddress(['--lan=127.0.0.2'])).toEqual({ host: '127.0.0.2', lan: true });
});

test('--lan refuses what a phone cannot open, with a plain message', () => {
  expect(() => listenAddress(['--lan=0.0.0.0'])).toThrow('not 0.0.0.0');
  expect(() => listenAddress(['--lan=phone.local'])).toThrow('IPv4');
  expect(() => listenAddress(['--lan=300.1.1.1'])).toThrow('IPv4');
  expect(() => listenAddress(['--lan'], { lo: [nic('127.0.0.1', true)] })).toThrow('no LAN address');
});

test('MOCK_APP_URL reaches the console through /api/research/options; unset, the console uses its own address', async () => {
  expect(readSettings({ MOCK_APP_URL: 'http://127.0.0.2:10086/' }).appUrl).toBe('http://127.0.0.2:10086/');
  expect(() => readSettings({ MOCK_APP_URL: 'ftp://x' })).toThrow(SettingsError);
  expect(() => readSettings({ MOCK_APP_URL: 'not a url' })).toThrow(SettingsError);

  for (const appUrl of ['http://127.0.0.2:10086/', undefined]) {
    const { app } = await buildServer(
      readSettings({
        MOCK_DB: ':memory:',
        MOCK_RESEARCH_KEY: 'lan-address-test-key',
        ...(appUrl ? { MOCK_APP_URL: appUrl } : {}),
      }),
    );
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/api/research/options`, {
        headers: { 'x-research-key': 'lan-address-test-key' },
      });
      expect(res.status).toBe(200);
      expect((await res.json()).appUrl).toBe(appUrl ?? null);
    } finally {
      await app.close();
    }
  }
});
