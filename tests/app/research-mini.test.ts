// Pieces the mini-program study relies on (the screens themselves run in npm run check:mini).
import Taro from '@tarojs/taro';
import { holdResearchEvents, takeHeldEvents } from '@/features/research/launch';
import { expectLeave, pageClosed, setTrackSink, track, type TrackEvent } from '@/shared/telemetry/track';

afterEach(() => {
  setTrackSink(null);
  jest.restoreAllMocks();
});

test('a relaunch that closes the whole stack counts no back navigation; a page the user closes still does', () => {
  const seen: TrackEvent[] = [];
  setTrackSink((e) => seen.push(e));
  expectLeave(3);
  pageClosed();
  pageClosed();
  pageClosed();
  expect(seen).toEqual([]);
  pageClosed('bind');
  expect(seen).toEqual([{ type: 'back', screen: 'bind' }]);
});

test('staff pages (session, brief, SEQ, SUS) are never logged as screens: the platform would refuse the batch', () => {
  const at = (path: string) =>
    jest
      .spyOn(Taro, 'getCurrentInstance')
      .mockReturnValue({ router: { path } } as ReturnType<typeof Taro.getCurrentInstance>);
  holdResearchEvents();
  at('/pages/index/index');
  track({ type: 'screen' });
  for (const page of ['session', 'brief', 'seq', 'sus']) {
    at(`/packages/staff/${page}/index`);
    track({ type: 'screen' });
    track({ type: 'back' });
  }
  at('/packages/family/bind/index');
  track({ type: 'screen' });
  expect(takeHeldEvents().map((e) => `${e.type}:${e.screen}`)).toEqual(['screen:index', 'screen:bind']);
});
