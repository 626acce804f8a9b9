// The static 服务大厅 in index.html (config/hallShellMarkup.ts) must say what the real hall says, in
// the same order, and a tap on it before the app has started must be carried out by the real hall.
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import fs from 'fs';
import path from 'path';
import ServiceHall from '@/pages/index/index';
import { resolveProfile } from '@domain/profiles';
import { HALL_SHELL_STYLE, hallShellMarkup } from '../../config/hallShellMarkup';
import { startPlatform } from './harness';

const SCRIPT = fs.readFileSync(path.resolve(__dirname, '../../config/hall-shell.js'), 'utf8');

/** The text of every innermost element a person reads (or a screen reader announces), in document order. */
function textsOf(root: Element): string[] {
  return [...root.querySelectorAll('*')]
    .filter((e) => !e.children.length && !e.closest('noscript, style, script'))
    .map((e) => (e.textContent ?? '').trim())
    .filter(Boolean);
}

function mountShell(profile: Parameters<typeof hallShellMarkup>[0] = 'heilongjiang') {
  document.body.innerHTML = `<div id="app"></div><style>${HALL_SHELL_STYLE}</style>${hallShellMarkup(profile)}`;
  // The inline script, run as the browser would run it.
  new Function(SCRIPT)();
  return document.getElementById('hall-shell') as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
  delete (window as { __hallShell?: unknown }).__hallShell;
  localStorage.clear();
});

test('the static hall shows the real hall’s texts, in the same order', async () => {
  await startPlatform();
  const { container } = render(<ServiceHall />);
  await screen.findByText('热门服务');
  const real = textsOf(container);
  const shellScreen = document.createElement('div');
  shellScreen.innerHTML = hallShellMarkup('heilongjiang');
  const shell = textsOf(shellScreen.querySelector('.screen') as Element);
  expect(shell).toEqual(real);
  // Same classes on the same elements, so app.css draws both alike.
  const classesOf = (root: Element) =>
    [root, ...root.querySelectorAll('[class]')]
      .map((e) => (e.getAttribute('class') ?? '').trim().split(/\s+/).sort().join(' '))
      .filter(Boolean);
  expect(classesOf(shellScreen.querySelector('.screen') as Element)).toEqual(
    classesOf(container.querySelector('.screen') as Element),
  );
});

test('each profile’s static hall names its own app, province and hotline', () => {
  const p = resolveProfile('hebei');
  const el = document.createElement('div');
  el.innerHTML = hallShellMarkup('hebei');
  const texts = textsOf(el);
  expect(texts).toContain(p.appName);
  expect(texts).toContain(`医保服务热线 ${p.hotline}`);
});

test('a tap on the static 家庭共济 is kept, shown, and carried out once by the real hall', async () => {
  await startPlatform();
  const shell = mountShell();
  (shell.querySelector('.grid__item--main') as HTMLElement).click();
  expect(shell.querySelector('[role=status]')?.textContent).toBe('正在打开「家庭共济」，请稍候…');
  // A second tap while waiting changes nothing.
  (shell.querySelector('[data-shell=login]') as HTMLElement).click();
  expect((window as unknown as { __hallShell: { intent: string } }).__hallShell.intent).toBe('family');

  const go = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const { unmount } = render(<ServiceHall />);
  await waitFor(() => expect(go).toHaveBeenCalledTimes(1));
  expect(go).toHaveBeenCalledWith({ url: '/pages/login/index?redirect=%2Fpages%2Ffamily%2Findex' });
  unmount();
  render(<ServiceHall />);
  await screen.findAllByText('热门服务');
  expect(go).toHaveBeenCalledTimes(1);
  go.mockRestore();
});

test('the static hall stands aside for links with parameters and for research devices', () => {
  localStorage.setItem('research-session', JSON.stringify({ data: 'K7M2QP' }));
  mountShell();
  expect(document.getElementById('hall-shell')).toBeNull();
});

test('the static hall shows 关怀模式 and a kept log-in as the real hall will, and stores a switch at once', () => {
  localStorage.setItem('care-mode', JSON.stringify({ data: '1' }));
  localStorage.setItem('session-token:heilongjiang', JSON.stringify({ data: 'tok' }));
  const shell = mountShell();
  expect(shell.querySelector('.screen')?.classList.contains('screen--care')).toBe(true);
  expect(shell.querySelector('[role=switch]')?.getAttribute('aria-checked')).toBe('true');
  expect(shell.querySelector('.hall__account')?.textContent).toBe('您好，已登录');
  (shell.querySelector('[role=switch]') as HTMLElement).click();
  expect(JSON.parse(localStorage.getItem('care-mode') as string)).toEqual({ data: '0' });
  expect(shell.querySelector('[role=switch]')?.getAttribute('aria-checked')).toBe('false');
  expect(shell.querySelector('[role=switch]')?.classList.contains('switch-row--on')).toBe(false);
  expect(shell.querySelector('.screen')?.classList.contains('screen--care')).toBe(false);
  // The app is hidden from screen readers and focus only while the static hall covers it.
  expect(document.getElementById('app')?.hasAttribute('inert')).toBe(true);
});
