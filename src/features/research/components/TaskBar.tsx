// Mini-programs: while a study task runs, every page ends in a one-line bar with 完成 and 放弃 (H5 draws
// the same bar over the app from the research chunk, taskPanel.h5.tsx). The only research piece in the
// main package: the brief and the questionnaires are pages of the staff subpackage (taskPanel.tsx).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ScreenFoot } from '@/shared/ui/screenFoot';
import { tap } from '@/shared/ui/tap';
import { useResearchStatusStore, type RunningTask } from '../status';
import './taskBar.scss';

// One question at a time: a second tap on 放弃 while it is asked does not ask again.
let asking = false;

// The dialog is shared/ui/confirm's, called directly: no async helpers in the main package for it.
function giveUp(running: RunningTask) {
  if (asking) return;
  asking = true;
  const done = (ok: boolean) => {
    asking = false;
    if (ok) running.end('give_up');
  };
  Taro.showModal({
    title: '放弃这个任务？',
    content: '放弃后将进入下一步，本任务不能再继续。',
    confirmText: '放弃任务',
    cancelText: '继续做',
    confirmColor: '#1a5fb4',
    cancelColor: '#1f2329',
  }).then(
    (r) => done(r.confirm),
    () => done(false),
  );
}

function TaskBar({ running }: { running: RunningTask }) {
  return (
    <View className='task-bar' role='region' aria-label='研究任务'>
      <Text className='task-bar__name'>
        任务 {running.task}/{running.total}
      </Text>
      <View className='task-bar__button task-bar__button--primary' role='button' {...tap(() => running.end('done'))}>
        <Text>完成</Text>
      </View>
      <View className='task-bar__button' role='button' {...tap(() => giveUp(running))}>
        <Text>放弃</Text>
      </View>
    </View>
  );
}

/** For Screen (setScreenFoot): the bar, and room kept for it, while a task runs. */
export function useTaskBar(): ScreenFoot | null {
  const running = useResearchStatusStore((s) => s.running);
  return running ? { className: 'screen--task', node: <TaskBar running={running} /> } : null;
}
