import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ServiceHall from '@/pages/index/index';
import { useCareModeStore } from '@/shared/ui/careMode';
import { startPlatform } from './harness';

test('关怀模式 switches the whole screen to the larger style and is remembered', async () => {
  await startPlatform();
  const { unmount } = render(<ServiceHall />);
  const sw = await screen.findByRole('switch');
  expect(sw).toHaveAttribute('aria-checked', 'false');
  expect(document.querySelector('.screen')).not.toHaveClass('screen--care');
  fireEvent.click(sw);
  await waitFor(() => expect(document.querySelector('.screen')).toHaveClass('screen--care'));
  expect(screen.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  unmount();

  // A new visit: the stored choice comes back.
  useCareModeStore.setState({ on: false });
  useCareModeStore.getState().restore();
  render(<ServiceHall />);
  await waitFor(() => expect(document.querySelector('.screen')).toHaveClass('screen--care'));
  expect(screen.getByRole('switch', { name: '关怀模式' })).toHaveAttribute('aria-checked', 'true');
});

test('the switch also works from the keyboard', async () => {
  await startPlatform();
  render(<ServiceHall />);
  const sw = await screen.findByRole('switch');
  fireEvent.keyDown(sw, { key: 'Enter' });
  await waitFor(() => expect(useCareModeStore.getState().on).toBe(true));
  fireEvent.keyDown(sw, { key: ' ' });
  await waitFor(() => expect(useCareModeStore.getState().on).toBe(false));
});
