// What the study's pages (brief, SEQ, SUS; mini-programs only) share: the session's state, and no way
// out to the hall but the study's own steps (features/research/taskPanel.tsx opens the next page).
import Taro, { useDidShow } from '@tarojs/taro';
import { taskPhase, useResearchStore } from '../store';
import './study.scss';

export function useStudyPage() {
  const state = useResearchStore();
  // WeChat and Alipay put a home button on a page opened by relaunch; the participant goes on by
  // answering. (Each platform has only its own call: Taro offers what the shell has.)
  useDidShow(() => {
    Taro.hideHomeButton?.()?.catch(() => undefined);
    (Taro as unknown as { hideBackHome?: () => void }).hideBackHome?.();
  });
  return { ...state, phase: taskPhase(state) };
}
