import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Bind from '@/pages/bind/index';
import { useBindFormStore } from '@/features/binding/formStore';
import * as validate from '@domain/validate';
import { SEED_IDS } from '../../mock/platform/seed';
import { inputByPlaceholder, pick, startPlatform, TODAY, type } from './harness';

const ID = '请输入证件号码';

async function renderBind() {
  await startPlatform('zhang');
  render(<Bind />);
  await screen.findByText('添加共济使用人');
}

test('the authorizer is filled in from the logged-in account, masked', async () => {
  await renderBind();
  expect(await screen.findByText('张**')).toBeInTheDocument();
  expect(screen.getByText(`2301**********${SEED_IDS.zhangJianguo.slice(-4)}`)).toBeInTheDocument();
  expect(screen.getByText('138****0001')).toBeInTheDocument();
  expect(document.body.textContent).not.toContain(SEED_IDS.zhangJianguo);
});

test('a wrong check digit is named next to the ID field, and a correct number clears it', async () => {
  await renderBind();
  const wrong = SEED_IDS.zhangXiaoming.slice(0, 17) + (SEED_IDS.zhangXiaoming[17] === '1' ? '2' : '1');
  await type(ID, wrong);
  expect(await screen.findByText('证件号码有误，请逐位核对')).toBeInTheDocument();
  await type(ID, SEED_IDS.zhangXiaoming.toLowerCase());
  await waitFor(() => expect(screen.queryByText('证件号码有误，请逐位核对')).not.toBeInTheDocument());
});

test('name and phone rules speak plainly', async () => {
  await renderBind();
  await type('请输入证件上的姓名', '张');
  expect(await screen.findByText('姓名应为 2 到 30 个字')).toBeInTheDocument();
  await type('请输入证件上的姓名', 'Zhang San');
  expect(await screen.findByText(/只能是汉字/)).toBeInTheDocument();
  await type('请输入证件上的姓名', '阿依古丽·买买提');
  await waitFor(() => expect(screen.queryByText(/只能是汉字/)).not.toBeInTheDocument());
  await type('请输入使用人手机号码', '2380451001');
  expect(await screen.findByText('手机号码应为 1 开头的 11 位数字')).toBeInTheDocument();
});

test('start date before today and end date on the start day are refused next to the field', async () => {
  await renderBind();
  await pick('picker-value--start', '2026-11-21');
  expect(await screen.findByText('授权开始日期不能早于今天')).toBeInTheDocument();
  await pick('picker-value--start', TODAY);
  // 长期有效 is on until the user turns it off; then the end date can be chosen.
  const longTerm = screen.getByRole('switch', { name: '长期有效' });
  expect(longTerm).toHaveAttribute('aria-checked', 'true');
  fireEvent.click(longTerm);
  await pick('picker-value--end', TODAY);
  expect(await screen.findByText('授权终止日期不能与开始日期是同一天')).toBeInTheDocument();
  await pick('picker-value--end', '2026-11-01');
  expect(await screen.findByText('授权终止日期不能早于开始日期')).toBeInTheDocument();
  await pick('picker-value--end', '2027-11-22');
  await waitFor(() => expect(document.querySelector('.field__error')).toBeNull());
  // Shown the way people read dates, whatever the browser's locale.
  expect(screen.getByText('2027年11月22日')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('switch', { name: '长期有效' }));
  await waitFor(() => expect(document.querySelector('.picker-value--end')).toBeNull());
  expect(useBindFormStore.getState().values.endDate).toBe('');
});

test('the relation picker offers the eight 近亲属 and never 配偶的父母', async () => {
  await renderBind();
  const items = () => [...document.querySelectorAll('.picker-value--relation option')].map((e) => e.textContent);
  await waitFor(() => expect(items()).toContain('外孙子女'));
  expect(items()).toEqual(
    expect.arrayContaining(['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女']),
  );
  expect(document.body.textContent).not.toContain('配偶的父母');
  await pick('picker-value--relation', '外孙子女');
  await waitFor(() =>
    expect(document.querySelector<HTMLSelectElement>('.picker-value--relation')?.value).toBe('外孙子女'),
  );
  expect(useBindFormStore.getState().values.relation).toBe('外孙子女');
});

test('下一步 with empty fields shows every problem and stays on the form', async () => {
  await renderBind();
  fireEvent.click(await screen.findByText('下一步：阅读授权协议'));
  expect(await screen.findByText('请填写使用人姓名')).toBeInTheDocument();
  expect(screen.getByText('请填写证件号码')).toBeInTheDocument();
  expect(screen.getByText('请填写使用人手机号码')).toBeInTheDocument();
  expect(screen.getByText('请选择与本人关系')).toBeInTheDocument();
  expect(screen.getByText('还有 4 处需要修改，请看标红的提示')).toBeInTheDocument();
});

test('passing through an empty field does not complain until 下一步', async () => {
  await renderBind();
  const input = await inputByPlaceholder('请输入证件上的姓名');
  fireEvent.blur(input);
  await act(() => Promise.resolve());
  expect(screen.queryByText('请填写使用人姓名')).not.toBeInTheDocument();
  fireEvent.click(screen.getByText('下一步：阅读授权协议'));
  expect(await screen.findByText('请填写使用人姓名')).toBeInTheDocument();
});

test('the form is checked once per change, not once per screen part or render', async () => {
  await renderBind();
  const check = jest.spyOn(validate, 'validateBindingForm');
  // One keystroke: the form and the page both show its outcome (the field's message, the error count).
  await type('请输入证件上的姓名', '张');
  expect(await screen.findByText('姓名应为 2 到 30 个字')).toBeInTheDocument();
  expect(check).toHaveBeenCalledTimes(1);
  // Leaving the field again changes nothing typed, so nothing is checked again.
  fireEvent.blur(await inputByPlaceholder('请输入证件上的姓名'));
  fireEvent.click(screen.getByText('下一步：阅读授权协议'));
  expect(await screen.findByText(/还有 \d+ 处需要修改/)).toBeInTheDocument();
  expect(check).toHaveBeenCalledTimes(1);
});
