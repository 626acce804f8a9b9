import { TourSpot } from '@/features/tour/TourSpot';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { useRouter } from '@tarojs/taro';
import { listPersonas } from '@/features/auth/api/listPersonas';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { asApiError } from '@/shared/api/types';
import { ROUTES, type Route } from '@/shared/config/routes';
import { replaceWith } from '@/shared/lib/nav';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import { BigButton } from '@/shared/ui/BigButton';
import type { PersonaView } from '@domain/views';
import { SessionBanner } from '@/features/research/components/SessionBanner';
import { researchActions, useResearchStatusStore } from '@/features/research/status';

const KNOWN = new Set<string>(Object.values(ROUTES));
const SESSION_ENDED = '您的登录已结束（超时、已在别处退出，或演示已重置），请重新登录。登录后回到刚才的页面。';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default function Login() {
  const router = useRouter();
  // H5 hands query values over still URL-encoded; mini-programs decode them.
  const requested = safeDecode(router.params.redirect ?? '');
  const target = (KNOWN.has(requested) ? requested : ROUTES.family) as Route;
  const ended = router.params.ended === '1';
  const profile = useProfileStore((s) => s.profile);
  const loggingIn = useAuthStore((s) => s.loggingIn);
  const signedOutReason = useAuthStore((s) => s.signedOutReason);
  const [personas, setPersonas] = useState<PersonaView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // In a research session (e.g. after the researcher's 重置) the session's own persona signs in again:
  // a participant never meets the picker.
  const researchSession = useResearchStatusStore((s) => s.sessionId);
  const token = useAuthStore((s) => s.token);
  useEffect(() => {
    if (!researchSession) return;
    // Signed in (now, or by the session opening on its own): back to where the participant was.
    if (token) replaceWith(target);
    else void researchActions()?.join(researchSession);
    // Once per session named and per log-in; the research banner's 重试 handles a failure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [researchSession, token]);

  const load = () => {
    if (useResearchStatusStore.getState().sessionId) return;
    setError(null);
    listPersonas().then(setPersonas, (e) => setError(asApiError(e).message));
  };
  useEffect(load, []);

  if (researchSession)
    return (
      <Screen>
        <Card title='研究会话'>
          <Text className='lead'>正在重新登录，请稍候…</Text>
          <SessionBanner />
        </Card>
      </Screen>
    );

  const choose = async (id: string) => {
    setError(null);
    try {
      await useAuthStore.getState().loginAs(id);
      replaceWith(target);
    } catch (e) {
      setError(asApiError(e).message);
    }
  };

  return (
    <Screen>
      <Card title={`登录${profile.province}医保服务平台`}>
        <Text className='lead'>请选择一位测试人员登录（演示环境，不是真实账户）。</Text>
      </Card>
      {signedOutReason && !error ? (
        <Notice kind='info' message={signedOutReason} />
      ) : ended ? (
        <Notice kind='info' message={SESSION_ENDED} />
      ) : null}
      {error ? (
        <>
          <Notice kind='error' message={error} />
          {!personas ? (
            <BigButton kind='secondary' onClick={load}>
              重新加载
            </BigButton>
          ) : null}
        </>
      ) : null}
      {personas?.map((p) => (
        <TourSpot key={p.id} spot={p.id === 'zhang' ? 'login' : undefined}>
          <View
            key={p.id}
            className={`persona ${loggingIn ? 'persona--busy' : ''}`}
            role='button'
            {...tap(() => choose(p.id))}
          >
            <Text className='persona__name'>{p.name}</Text>
            <Text className='persona__label'>{p.label}</Text>
            {p.role === 'relative' ? (
              // A relative uses someone else's account: who authorizes them is what matters here.
              <Text className='persona__balance'>
                {p.activeBindings ? `${p.activeBindings} 位家人授权您使用其个人账户` : '目前没有家人授权您'}
              </Text>
            ) : (
              <>
                <Text className='persona__balance'>个人账户余额 {p.balanceYuan} 元</Text>
                <Text className='persona__balance'>
                  {p.activeBindings ? `现绑定 ${p.activeBindings} 位亲属` : '尚未绑定亲属'}
                </Text>
              </>
            )}
          </View>
        </TourSpot>
      ))}
      {personas === null && !error ? <Text className='muted'>正在加载…</Text> : null}
    </Screen>
  );
}
