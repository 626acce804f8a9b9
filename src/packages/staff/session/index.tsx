// Researchers only (staff subpackage): opens the research session named in the link, signs in its
// persona, then hands the participant the hall. Loading this page loads the research code.
import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { SessionBanner } from '@/features/research/components/SessionBanner';
import { requestedSession, storedSession } from '@/features/research/launch';
import { taskPhase, useResearchStore } from '@/features/research/store';
import { ROUTES } from '@/shared/config/routes';
import { relaunch } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Screen } from '@/shared/ui/Screen';

const toHall = () => relaunch(ROUTES.hall);

export default function ResearchSession() {
  const router = useRouter();
  const status = useResearchStore((s) => s.status);

  useEffect(() => {
    const id = requestedSession(router.params) ?? storedSession();
    if (!id) {
      void toHall();
      return;
    }
    void useResearchStore.getState().join(id);
    // Opened once per visit; 重试 on the banner opens it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Joined (at once, or after 重试): the participant starts on the hall, or mid-task where they were; a
  // study's brief or questionnaire opens its own page instead (features/research/taskPanel.tsx).
  useEffect(() => {
    if (status !== 'ready') return;
    const phase = taskPhase(useResearchStore.getState());
    if (phase === 'none' || phase === 'running') void toHall();
  }, [status]);

  return (
    <Screen>
      <Card title='研究会话'>
        <SessionBanner />
        {status === 'none' ? <Text className='muted'>正在打开研究会话…</Text> : null}
      </Card>
      {status === 'problem' ? (
        <BigButton kind='secondary' onClick={() => void toHall()}>
          返回服务大厅
        </BigButton>
      ) : null}
    </Screen>
  );
}
