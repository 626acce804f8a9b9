// H5: a citizen may tap the static 服务大厅 from index.html before the app has started. The page
// keeps that tap (config/hall-shell.js); the real hall carries it out once, as soon as it is mounted.
export type ShellTap = 'family' | 'login';

interface HallShell {
  intent: ShellTap | null;
  taken: ShellTap | null;
}

export function takeShellTap(): ShellTap | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  const shell = (window as unknown as { __hallShell?: HallShell }).__hallShell;
  const intent = shell?.intent ?? null;
  if (shell && intent) {
    shell.intent = null;
    shell.taken = intent;
  }
  return intent;
}
