import Taro from '@tarojs/taro';

/** Asks before an action that cannot be taken back; true when the user confirms. */
export async function confirmAction(
  title: string,
  content: string,
  confirmText: string,
  cancelText: string,
): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title,
    content,
    confirmText,
    cancelText,
    confirmColor: '#1a5fb4',
    cancelColor: '#1f2329',
  });
  return confirm;
}
