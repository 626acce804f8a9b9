import { Text, View } from '@tarojs/components';
import { BigButton } from '@/shared/ui/BigButton';
import { Notice } from '@/shared/ui/Notice';
import { tap } from '@/shared/ui/tap';
import { researchActions, useResearchStatusStore } from '../status';

/** A quiet line telling the researcher which session this device is in; a clear way out of trouble. */
export function SessionBanner() {
  const sessionId = useResearchStatusStore((s) => s.sessionId);
  const status = useResearchStatusStore((s) => s.status);
  const problem = useResearchStatusStore((s) => s.problem);
  if (status === 'none') return null;
  if (status === 'problem') {
    return (
      <View className='research-banner'>
        <Notice kind='error' message={problem ?? '研究会话打开失败'} />
        {sessionId ? (
          <BigButton kind='secondary' onClick={() => researchActions()?.join(sessionId)}>
            重试
          </BigButton>
        ) : null}
      </View>
    );
  }
  return (
    <View className='research-banner research-banner--quiet'>
      <Text>{status === 'joining' ? '正在打开研究会话…' : `研究会话 ${sessionId}`}</Text>
      {status === 'ready' ? (
        <View
          className='text-button'
          role='button'
          aria-label='退出研究会话'
          {...tap(() => researchActions()?.leave())}
        >
          <Text>退出</Text>
        </View>
      ) : null}
    </View>
  );
}
