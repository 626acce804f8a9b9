// Mini-programs (staff subpackage): the SEQ after each task, 1 非常困难 … 7 非常容易 (H5: taskPanel.h5.tsx).
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SEQ } from '@domain/questionnaires';
import { useResearchStore } from '@/features/research/store';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Screen } from '@/shared/ui/Screen';
import { StudyChoice } from '@/features/research/components/StudyChoice';
import { useStudyPage } from '@/features/research/components/useStudyPage';

const SCALE = Array.from({ length: SEQ.max - SEQ.min + 1 }, (_, i) => SEQ.min + i);

function SeqForm({ task }: { task: number }) {
  const [value, setValue] = useState<number | null>(null);
  return (
    <Card>
      <Text className='study__kicker'>任务 {task} 已结束</Text>
      <View className='study__title' role='heading' aria-level={1}>
        <Text>{SEQ.question}</Text>
      </View>
      <View className='study__scale' role='group' aria-label='1 到 7 分'>
        {SCALE.map((n) => (
          <StudyChoice
            key={n}
            n={n}
            chosen={value === n}
            onChoose={() => setValue(n)}
            label={`${n} 分${n === SEQ.min ? `，${SEQ.minLabel}` : n === SEQ.max ? `，${SEQ.maxLabel}` : ''}`}
          />
        ))}
      </View>
      <View className='study__ends' aria-hidden>
        <Text>
          {SEQ.min} {SEQ.minLabel}
        </Text>
        <Text>
          {SEQ.max} {SEQ.maxLabel}
        </Text>
      </View>
      <BigButton
        disabled={value === null}
        onClick={() => value !== null && useResearchStore.getState().answerSeq(value)}
      >
        {value === null ? '请选择 1 到 7 分' : '确定'}
      </BigButton>
    </Card>
  );
}

export default function StudySeq() {
  const { phase, progress } = useStudyPage();
  const task = phase === 'seq' ? progress?.seqPending : null;
  return (
    <Screen>
      {task ? (
        <SeqForm key={task} task={task} />
      ) : (
        <Card>
          <Text className='muted'>请稍候…</Text>
        </Card>
      )}
    </Screen>
  );
}
