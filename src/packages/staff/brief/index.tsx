// Mini-programs (staff subpackage): the next task's instruction and 开始任务; after the last task and its
// questionnaires, or the researcher's 结束, the thanks. H5 shows the same over the app (taskPanel.h5.tsx).
import { Text, View } from '@tarojs/components';
import { useResearchStore } from '@/features/research/store';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Screen } from '@/shared/ui/Screen';
import { useStudyPage } from '@/features/research/components/useStudyPage';

export default function StudyBrief() {
  const { phase, progress, tasks } = useStudyPage();
  const next = phase === 'brief' ? progress?.nextTask : null;
  const task = next ? tasks[next - 1] : undefined;

  if (next && task)
    return (
      <Screen>
        <Card>
          <Text className='study__kicker'>
            任务 {next}/{tasks.length}
          </Text>
          <View className='study__title' role='heading' aria-level={1}>
            <Text>{task.label}</Text>
          </View>
          <Text className='study__text'>{task.instruction}</Text>
          <Text className='study__hint'>
            点「开始任务」后开始。做完了点屏幕下方的「完成」；做不下去可以点「放弃」。
          </Text>
          <BigButton onClick={() => useResearchStore.getState().startTask()}>开始任务</BigButton>
        </Card>
      </Screen>
    );

  const over = phase === 'thanks' || phase === 'ended';
  return (
    <Screen>
      <Card>
        {over ? (
          <>
            <View className='study__title' role='heading' aria-level={1}>
              <Text>{phase === 'ended' ? '研究人员已结束本次任务' : '全部任务已完成'}</Text>
            </View>
            <Text className='study__text'>感谢您的参与！请把手机交还给研究人员。</Text>
          </>
        ) : (
          <Text className='muted'>请稍候…</Text>
        )}
      </Card>
    </Screen>
  );
}
