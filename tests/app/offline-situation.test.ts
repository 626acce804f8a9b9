// The offline demo started in a research situation (TARO_APP_SITUATION): a trainer can open
// 共济使用明细 and 授权我的 with 刘桂兰's purchases already there; without it, the plain seed.
import type * as ClientModule from '@/shared/api/client';

type Client = typeof ClientModule;

const before = { mode: process.env.TARO_APP_API_MODE, situation: process.env.TARO_APP_SITUATION };
afterEach(() => {
  process.env.TARO_APP_API_MODE = before.mode;
  process.env.TARO_APP_SITUATION = before.situation;
});

/** The app's one client as an offline demo build has it (the build's settings are read at start-up). */
function offlineClient(situation: string): Client {
  process.env.TARO_APP_API_MODE = 'offline';
  process.env.TARO_APP_SITUATION = situation;
  let client: Client | undefined;
  jest.isolateModules(() => {
    client = jest.requireActual<Client>('@/shared/api/client');
  });
  return client!;
}

async function usageOf(client: Client, personaId: string, path: string) {
  client.setTransport(null);
  const { token } = await client.apiRequest<{ token: string }>('POST', '/api/session', { personaId });
  client.readForRequests('token', () => token);
  return client.apiRequest<{ items: { kind: string }[] } & { grants?: { items: unknown[] }[] }>('GET', path);
}

test('TARO_APP_SITUATION=purchase-history: 张建国 and 刘桂兰 find the history in the offline demo', async () => {
  const client = offlineClient('purchase-history');
  const usage = await usageOf(client, 'zhang', '/api/mutual-aid/usage');
  expect(new Set(usage.items.map((i) => i.kind))).toEqual(new Set(['共济结算', '退费', '代缴']));
  const granted = await usageOf(client, 'liuguilan', '/api/mutual-aid/authorizations');
  expect(granted.grants?.[0]?.items.length).toBeGreaterThan(0);
});

test('without a situation the offline demo starts from the plain seed: no history yet', async () => {
  const client = offlineClient('');
  expect((await usageOf(client, 'zhang', '/api/mutual-aid/usage')).items).toEqual([]);
});
