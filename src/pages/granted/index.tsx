import { Text } from '@tarojs/components';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { GrantCard } from '@/features/usage/components/GrantCard';
import { useAuthorizedStore } from '@/features/usage/authorizedStore';
import { ROUTES } from '@/shared/config/routes';
import { backOr } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';

export default function Granted() {
  const view = useAuthorizedStore((s) => s.view);
  const loading = useAuthorizedStore((s) => s.loading);
  const error = useAuthorizedStore((s) => s.error);
  const load = () =>
    useAuthorizedStore
      .getState()
      .load()
      .catch((e) => redirectIfSignedOut(e, ROUTES.granted));
  useSignedIn(ROUTES.granted, load);

  return (
    <Screen>
      <Card>
        <Text className='lead'>
          家人授权您使用他（她）的医保个人账户。在定点医院、药店结算时，请出示您本人的医保电子凭证。
        </Text>
        <Text className='muted'>解除授权、代缴医保费只能由授权人本人办理。</Text>
      </Card>
      {error ? (
        <>
          <Notice kind='error' message={`没有加载成功。${error}`} />
          <BigButton kind='secondary' loading={loading} onClick={load}>
            重试
          </BigButton>
        </>
      ) : null}
      {loading && !view ? <Text className='muted'>正在加载…</Text> : null}
      {view && view.grants.length === 0 ? (
        <Card title='还没有人授权您'>
          <Text className='lead'>家人在「家庭共济」中把您添加为共济使用人后，会显示在这里。</Text>
        </Card>
      ) : null}
      {view?.grants.map((g) => (
        <GrantCard key={g.bindingId} grant={g} />
      ))}
      {/* A way on at the end of a long list (and a control a keyboard user can reach on it). */}
      {view ? (
        <BigButton kind='secondary' onClick={() => void backOr(ROUTES.family)}>
          返回家庭共济
        </BigButton>
      ) : null}
    </Screen>
  );
}
