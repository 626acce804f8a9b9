import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Pay from '@/pages/pay/index';
import { useAuthStore } from '@/features/auth/store';
import { usePaymentStore } from '@/features/payment/store';
import { newRequestId } from '@/shared/lib/requestId';
import { confirmModals, startPlatform } from './harness';

afterEach(() => jest.restoreAllMocks());

async function openPay() {
  const h = await startPlatform('wang');
  confirmModals(true);
  render(<Pay />);
  await screen.findByText('周**（配偶）');
  return h;
}

test('only relatives with a 生效中 binding can be chosen', async () => {
  await openPay();
  expect(screen.getAllByRole('radio').filter((r) => r.className.includes('choice--person'))).toHaveLength(1);
  expect(screen.getByText('2027 年度')).toBeInTheDocument();
  expect(screen.getByText('2026 年度')).toBeInTheDocument();
});

test('代缴 takes the premium from the authorizer’s balance once, and says so', async () => {
  const h = await openPay();
  fireEvent.click(screen.getByText('周**（配偶）'));
  fireEvent.click(screen.getByText('2027 年度'));
  const button = screen.getByText('确认代缴 400.00 元').closest('button')!;
  fireEvent.click(button);
  fireEvent.click(button);
  expect(await screen.findByText('缴费成功')).toBeInTheDocument();
  expect(screen.getByText('已为周**缴纳 2027 年度城乡居民医保费 400.00 元')).toBeInTheDocument();
  expect(screen.getByText('8,400.00 元')).toBeInTheDocument();
  await waitFor(() => expect(useAuthStore.getState().me?.balanceYuan).toBe('8,400.00'));
  const payments = await h.raw({
    method: 'GET',
    path: '/api/payments',
    authorization: `Bearer ${useAuthStore.getState().token}`,
  });
  expect(payments.body).toHaveLength(1);
});

test('a paid year is marked 已缴 and cannot be chosen again; the platform refuses it anyway', async () => {
  const h = await openPay();
  fireEvent.click(screen.getByText('周**（配偶）'));
  fireEvent.click(screen.getByText('2027 年度'));
  fireEvent.click(screen.getByText('确认代缴 400.00 元'));
  await screen.findByText('缴费成功');
  fireEvent.click(screen.getByText('继续代缴'));
  fireEvent.click(await screen.findByText('周**（配偶）'));
  const paid = (await screen.findByText('2027 年度已缴')).closest('[role="radio"]')!;
  expect(paid).toHaveAttribute('aria-disabled', 'true');
  fireEvent.click(paid);
  expect(paid).toHaveAttribute('aria-checked', 'false');
  expect(screen.getByText('确认代缴 400.00 元').closest('button')).toHaveAttribute('aria-disabled', 'true');
  // A client that asks anyway is refused in plain words, and the balance stays.
  const again = await h.raw({
    method: 'POST',
    path: '/api/payments',
    authorization: `Bearer ${useAuthStore.getState().token}`,
    body: { bindingId: usePaymentStore.getState().history[0]?.bindingId, year: 2027, requestId: newRequestId() },
  });
  expect(JSON.stringify(again.body)).toContain('这位使用人 2027 年度的居民医保费已经缴纳');
  await waitFor(() => expect(useAuthStore.getState().me?.balanceYuan).toBe('8,400.00'));
});

test('nothing chosen: the button waits and says what is missing', async () => {
  await openPay();
  const button = screen.getByText('确认代缴 400.00 元').closest('button')!;
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(screen.getByText('请先选择缴费人员')).toBeInTheDocument();
  fireEvent.click(screen.getByText('周**（配偶）'));
  expect(await screen.findByText('请选择缴费年度')).toBeInTheDocument();
});

test('a balance below the premium is said before choosing, and the button waits', async () => {
  await openPay();
  act(() => useAuthStore.setState((s) => ({ me: s.me && { ...s.me, balanceFen: 39999, balanceYuan: '399.99' } })));
  expect(await screen.findByText('您的个人账户余额 399.99 元，不足 400.00 元，暂不能代缴。')).toBeInTheDocument();
  fireEvent.click(screen.getByText('周**（配偶）'));
  fireEvent.click(screen.getByText('2027 年度'));
  expect(screen.getByText('确认代缴 400.00 元').closest('button')).toHaveAttribute('aria-disabled', 'true');
});
