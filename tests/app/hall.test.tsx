import { render, screen } from '@testing-library/react';
import ServiceHall from '@/pages/index/index';
import { startPlatform } from './harness';

test('服务大厅 leads to 家庭共济 from both 热门服务 and 我要办', async () => {
  await startPlatform();
  render(<ServiceHall />);
  expect(await screen.findByText('热门服务')).toBeInTheDocument();
  expect(screen.getByText('我要办')).toBeInTheDocument();
  expect(screen.getAllByText('家庭共济')).toHaveLength(2);
  expect(screen.getByText('登录医保服务平台')).toBeInTheDocument();
});
