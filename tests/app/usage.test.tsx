// 共济使用明细 (the authorizer) and 授权我的 (the relative), on the real platform rules in-process.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Family from '@/pages/family/index';
import Granted from '@/pages/granted/index';
import Usage from '@/pages/usage/index';
import Bind from '@/pages/bind/index';
import Pay from '@/pages/pay/index';
import Records from '@/pages/records/index';
import { useUsageStore } from '@/features/usage/store';
import { setTrackSink, type TrackEvent } from '@/shared/telemetry/track';
import { startUsagePlatform, withHistory } from './usageHarness';

afterEach(() => jest.restoreAllMocks());

const rows = () => [...document.querySelectorAll('.usage-item')].map((r) => r.getAttribute('aria-label'));
const select = (name: string) => document.querySelector<HTMLSelectElement>(`select.picker-value--${name}`)!;
const totals = () => document.querySelector('.usage-totals')?.textContent ?? '';

test('each payment with its date, the relative masked, the institution, the amount and the balance after', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  render(<Usage />);
  await waitFor(() => expect(rows()).toHaveLength(5));
  expect(rows()).toEqual([
    '2026年11月22日，刘**，代缴，支付 400.00 元',
    '2026年11月20日，刘**，退费，退回 20.00 元',
    '2026年11月20日，刘**，共济结算（已退费），支付 20.00 元',
    '2026年11月20日，刘**，共济结算，支付 86.50 元',
    '2026年10月15日，刘**，共济结算，支付 35.50 元',
  ]);
  const [premium, refund, , bill] = [...document.querySelectorAll<HTMLElement>('.usage-item')];
  expect(within(bill!).getByText('刘**（父母）')).toBeInTheDocument();
  expect(within(bill!).getByText('哈尔滨市道里区康民大药房')).toBeInTheDocument();
  expect(within(bill!).getByText('3,146.50 元')).toBeInTheDocument();
  expect(within(refund!).getByText('退回后余额')).toBeInTheDocument();
  expect(within(refund!).getByText('3,146.50 元')).toBeInTheDocument();
  expect(within(premium!).getByText('代缴')).toBeInTheDocument();
  expect(within(premium!).getByText('城乡居民医保费（2027年度）')).toBeInTheDocument();
  expect(within(premium!).getByText('2,746.50 元')).toBeInTheDocument();
  // 共济结算 and 代缴 out, the 退费 back: 35.50 + 86.50 + 20 + 400 − 20.
  expect(totals()).toContain('522.00 元');
  expect(totals()).toContain('共 5 笔：支付 542.00 元，退回 20.00 元');
  expect(document.body.textContent).not.toMatch(/刘桂兰|\d{17}[\dX]/);
});

test('filters by month and by relative ask the platform, and the totals follow the filter', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  render(<Usage />);
  await waitFor(() => expect(rows()).toHaveLength(5));
  expect([...select('usage-month').options].map((o) => o.text)).toEqual(['全部月份', '2026年11月', '2026年10月']);
  fireEvent.change(select('usage-month'), { target: { value: '2026年10月' } });
  await waitFor(() => expect(rows()).toEqual(['2026年10月15日，刘**，共济结算，支付 35.50 元']));
  expect(h.calls.at(-1)?.path).toBe('/api/mutual-aid/usage?month=2026-10');
  expect(totals()).toContain('全部亲属，2026年10月');
  expect(totals()).toContain('35.50 元');
  fireEvent.change(select('usage-relative'), { target: { value: '刘**（父母）' } });
  await waitFor(() => expect(h.calls.at(-1)?.path).toMatch(/^\/api\/mutual-aid\/usage\?relative=.+&month=2026-10$/));
  await waitFor(() => expect(totals()).toContain('刘**（父母），2026年10月'));
  expect(rows()).toHaveLength(1);
});

test('a month with nothing says so in plain words and offers the whole history', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  await h.as('zhang');
  act(() => useUsageStore.setState({ filter: { relative: '', month: '2026-09' } }));
  render(<Usage />);
  expect(await screen.findByText('没有符合条件的记录')).toBeInTheDocument();
  expect(screen.getByText('全部亲属，2026年9月：没有共济使用记录。')).toBeInTheDocument();
  fireEvent.click(screen.getByText('查看全部明细'));
  await waitFor(() => expect(rows()).toHaveLength(5));
  expect(select('usage-month').value).toBe('全部月份');
});

test('a failed request keeps the filters chosen and 重试 asks for the same again', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  render(<Usage />);
  await waitFor(() => expect(rows()).toHaveLength(5));
  h.failNext((r) => r.path.startsWith('/api/mutual-aid/usage'));
  fireEvent.change(select('usage-month'), { target: { value: '2026年11月' } });
  expect(await screen.findByText(/明细没有加载成功/)).toBeInTheDocument();
  // Not the old list passed off as November's.
  expect(rows()).toEqual([]);
  expect(select('usage-month').value).toBe('2026年11月');
  fireEvent.click(screen.getByText('重试'));
  await waitFor(() => expect(rows()).toHaveLength(4));
  expect(h.calls.at(-1)?.path).toBe('/api/mutual-aid/usage?month=2026-11');
  expect(screen.queryByText(/明细没有加载成功/)).not.toBeInTheDocument();
});

test('filters changed quickly: only the answer to the last choice is shown', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  render(<Usage />);
  await waitFor(() => expect(rows()).toHaveLength(5));
  const release = h.holdNext((r) => r.path.includes('month=2026-10'));
  fireEvent.change(select('usage-month'), { target: { value: '2026年10月' } });
  fireEvent.change(select('usage-month'), { target: { value: '2026年11月' } });
  await waitFor(() => expect(rows()).toHaveLength(4));
  release();
  await new Promise((r) => setTimeout(r, 50));
  expect(rows()).toHaveLength(4);
  expect(select('usage-month').value).toBe('2026年11月');
});

test('an authorizer with no history reads why the list is empty', async () => {
  const h = await startUsagePlatform();
  await h.as('li');
  render(<Usage />);
  expect(await screen.findByText('还没有共济使用记录')).toBeInTheDocument();
  expect(document.querySelector('select.picker-value--usage-month')).toBeNull();
});

test('家庭共济 leads the authorizer to 共济使用明细', async () => {
  const h = await startUsagePlatform();
  await h.as('zhang');
  const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<Family />);
  fireEvent.click(await screen.findByText('共济使用明细'));
  await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/pages/usage/index' }));
  expect(screen.queryByText('授权我的')).not.toBeInTheDocument();
});

test('授权我的: 刘桂兰 sees who authorizes her (masked), status, dates and what she used', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  await h.as('liuguilan');
  render(<Granted />);
  const card = await waitFor(() => {
    const el = document.querySelector<HTMLElement>('.grant');
    if (!el) throw new Error('no grant');
    return el;
  });
  expect(card.getAttribute('aria-label')).toBe('授权人张**，生效中');
  expect(within(card).getByText('父母')).toBeInTheDocument();
  expect(within(card).getByText('2026年10月10日起，长期有效')).toBeInTheDocument();
  expect(within(card).getByText('522.00 元')).toBeInTheDocument();
  expect(within(card).getAllByText('哈尔滨市道里区康民大药房').length).toBeGreaterThanOrEqual(3);
  expect(rows()).toContain('2026年11月20日，共济结算，支付 86.50 元');
  expect(rows()).toContain('2026年11月20日，共济结算（已退费），支付 20.00 元');
  expect(rows()).toContain('2026年11月20日，退费，退回 20.00 元');
  // Nothing she could change, and not the authorizer's balance.
  expect(screen.queryByText('解除绑定')).not.toBeInTheDocument();
  expect(screen.queryByText(/余额/)).not.toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/张建国|\d{17}[\dX]/);
});

test('授权我的: an ended authorization says when it ended', async () => {
  const h = await startUsagePlatform();
  const bindingId = await withHistory(h);
  await h.api('POST', `/api/bindings/${bindingId}/unbind`, {});
  await h.as('liuguilan');
  render(<Granted />);
  expect(await screen.findByText('2026年10月10日起，已于2026年11月22日解除')).toBeInTheDocument();
  expect(document.querySelector('.grant')?.getAttribute('aria-label')).toBe('授权人张**，已解绑');
});

test('授权我的: nobody authorizes 张小明 yet, said in plain words', async () => {
  const h = await startUsagePlatform();
  await h.as('zhangxiaoming');
  render(<Granted />);
  expect(await screen.findByText('还没有人授权您')).toBeInTheDocument();
});

test('a relative’s 家庭共济 offers 授权我的, and no 绑定, 代缴 or 解绑', async () => {
  const h = await startUsagePlatform();
  await h.as('liuguilan');
  const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<Family />);
  fireEvent.click(await screen.findByText('授权我的'));
  await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/pages/granted/index' }));
  for (const gone of [
    '共济账户绑定',
    '共济账户授权记录查询解绑',
    '代缴城乡居民医保费',
    '共济使用明细',
    '个人账户余额（元）',
  ])
    expect({ gone, found: screen.queryByText(gone)?.parentElement?.textContent ?? null }).toEqual({
      gone,
      found: null,
    });
});

test.each([
  ['绑定', Bind],
  ['授权记录', Records],
  ['代缴', Pay],
  ['共济使用明细', Usage],
])('a relative who opens %s by a link is told it is the authorizer’s to do', async (_name, Page) => {
  const h = await startUsagePlatform();
  await h.as('liuguilan');
  render(<Page />);
  expect(await screen.findByText('须由授权人本人办理')).toBeInTheDocument();
  expect(screen.getByText('查看授权我的')).toBeInTheDocument();
  expect(screen.queryByText('解除绑定')).not.toBeInTheDocument();
});

test('a fresh start (next participant, 重置演示) forgets the history and the filters chosen', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  await useUsageStore.getState().setFilter({ month: '2026-10' });
  expect(useUsageStore.getState().view?.items).toHaveLength(1);
  const { resetStores } = await import('@/shared/lib/resets');
  resetStores(['person']);
  expect(useUsageStore.getState()).toMatchObject({ filter: { relative: '', month: '' }, view: null, error: null });
});

test('a research session learns which filter was used, by name only', async () => {
  const h = await startUsagePlatform();
  await withHistory(h);
  const seen: TrackEvent[] = [];
  setTrackSink((e) => seen.push(e));
  try {
    render(<Usage />);
    await waitFor(() => expect(rows()).toHaveLength(5));
    fireEvent.change(select('usage-month'), { target: { value: '2026年10月' } });
    fireEvent.change(select('usage-relative'), { target: { value: '刘**（父母）' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(seen.filter((e) => e.type === 'field_focus')).toEqual([
      { type: 'field_focus', field: 'month' },
      { type: 'field_focus', field: 'relative' },
    ]);
  } finally {
    setTrackSink(null);
  }
});
