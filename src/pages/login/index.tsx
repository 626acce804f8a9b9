import { TourSpot } from '@/features/tour/TourSpot';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { useRouter } from '@tarojs/taro';
import { listPersonas } from '@/features/auth/api/listPersonas';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { ApiError } from '@/shared/api/types';
import { ROUTES, type Route } from '@/shared/config/routes';
import { replaceWith } from '@/shared/lib/nav';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import { BigButton } from '@/shared/ui/BigButton';
import type { PersonaView } from '@domain/views';

const KNOWN = new Set<string>(Object.values(ROUTES));

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
  const profile = useProfileStore((s) => s.profile);
  const loggingIn = useAuthStore((s) => s.loggingIn);
  const signedOutReason = useAuthStore((s) => s.signedOutReason);
  const [personas, setPersonas] = useState<PersonaView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    listPersonas().then(setPersonas, (e) => setError(e instanceof ApiError ? e.message : '加载失败，请重试'));
  };
  useEffect(load, []);

  const choose = async (id: string) => {
    setError(null);
    try {
      await useAuthStore.getState().loginAs(id);
      replaceWith(target);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请重试');
    }
  };

  return (
    <Screen>
      <Card title={`登录${profile.province}医保服务平台`}>
        <Text className='lead'>请选择一位测试人员登录（演示环境，不是真实账户）。</Text>
      </Card>
      {signedOutReason && !error ? <Notice kind='info' message={signedOutReason} /> : null}
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
            <Text className='persona__balance'>个人账户余额 {p.balanceYuan} 元</Text>
          </View>
        </TourSpot>
      ))}
      {personas === null && !error ? <Text className='muted'>正在加载…</Text> : null}
    </Screen>
  );
}
