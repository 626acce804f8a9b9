// Mini-programs (staff subpackage): the SUS after the last task, 10 items, 1 非常不同意 … 5 非常同意; 提交
// waits for all ten (H5: taskPanel.h5.tsx). The platform scores it.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SUS } from '@domain/questionnaires';
import { useResearchStore } from '@/features/research/store';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Screen } from '@/shared/ui/Screen';
import { StudyChoice } from '@/features/research/components/StudyChoice';
import { useStudyPage } from '@/features/research/components/useStudyPage';

function SusForm() {
  const [answers, setAnswers] = useState<(number | null)[]>(() => SUS.items.map(() => null));
  const missing = answers.filter((a) => a === null).length;
  return (
    <Card>
      <View className='study__title' role='heading' aria-level={1}>
        <Text>最后，请回答 10 个问题</Text>
      </View>
      <Text className='study__text'>{SUS.intro}</Text>
      <View className='study__legend'>
        {SUS.labels.map((l, i) => (
          <Text key={l} className='study__legend-item'>
            {i + 1} {l}
          </Text>
        ))}
      </View>
      {SUS.items.map((item, i) => (
        <View key={item} className='study__item' role='group' aria-label={`第 ${i + 1} 题`}>
          <Text className='study__question'>
            {i + 1}. {item}
          </Text>
          <View className='study__scale'>
            {SUS.labels.map((label, k) => (
              <StudyChoice
                key={label}
                n={k + 1}
                chosen={answers[i] === k + 1}
                label={`${k + 1} 分，${label}`}
                onChoose={() => setAnswers((a) => a.map((v, j) => (j === i ? k + 1 : v)))}
              />
            ))}
          </View>
        </View>
      ))}
      <BigButton
        disabled={missing > 0}
        onClick={() => missing === 0 && useResearchStore.getState().answerSus(answers as number[])}
      >
        {missing > 0 ? `还有 ${missing} 题未选` : '提交'}
      </BigButton>
    </Card>
  );
}

export default function StudySus() {
  const { phase } = useStudyPage();
  return (
    <Screen>
      {phase === 'sus' ? (
        <SusForm />
      ) : (
        <Card>
          <Text className='muted'>请稍候…</Text>
        </Card>
      )}
    </Screen>
  );
}
