import { track } from '@/shared/telemetry/track';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { tap } from '@/shared/ui/tap';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { useAuthStore } from '@/features/auth/store';
import { useRecordsStore } from '@/features/binding/recordsStore';
import { usePaymentStore } from '@/features/payment/store';
import { useProfileStore } from '@/features/profile/store';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { formatYuan } from '@domain/money';
import { ROUTES } from '@/shared/config/routes';
import { backOr, goTo } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Msg } from '@/shared/ui/Msg';
import { Notice } from '@/shared/ui/Notice';
import { confirmAction } from '@/shared/ui/confirm';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';
import { isRelative } from '@/features/auth/role';
import { AuthorizerOnly } from '@/features/usage/components/AuthorizerOnly';

/** A WeUI radio row: the round marker says what is chosen; a paid year is shown, not offered. */
function Choice(props: {
  on: boolean;
  disabled?: boolean;
  className: string;
  main: string;
  sub?: string;
  onChoose: () => void;
}) {
  const { on, disabled, className, main, sub, onChoose } = props;
  return (
    <View
      className={`choice ${className} ${on ? 'choice--on' : ''} ${disabled ? 'choice--off' : ''}`}
      role='radio'
      aria-checked={on}
      aria-disabled={!!disabled}
      {...tap(() => {
        if (!disabled) onChoose();
      })}
    >
      <View className={`radio ${on ? 'radio--on' : ''}`} aria-hidden />
      <View className='choice__text'>
        <Text className='choice__main'>{main}</Text>
        {sub ? <Text className='choice__sub'>{sub}</Text> : null}
      </View>
    </View>
  );
}

export default function Pay() {
  const me = useAuthStore((s) => s.me);
  const profile = useProfileStore((s) => s.profile);
  usePageTitle('pay');
  const today = useProfileStore((s) => s.today);
  const records = useRecordsStore((s) => s.list);
  const loaded = useRecordsStore((s) => s.loaded);
  const bindingId = usePaymentStore((s) => s.bindingId);
  const year = usePaymentStore((s) => s.year);
  const paying = usePaymentStore((s) => s.paying);
  const notice = usePaymentStore((s) => s.notice);
  const result = usePaymentStore((s) => s.result);
  const history = usePaymentStore((s) => s.history);
  const load = () => {
    useRecordsStore
      .getState()
      .load()
      .catch((e) => redirectIfSignedOut(e, ROUTES.pay));
    usePaymentStore
      .getState()
      .loadHistory()
      .catch(() => undefined);
  };
  useSignedIn(ROUTES.pay, load);
  // The outcome replaces the form in place: show it from its top, where the icon and title are.
  useEffect(() => {
    if (result) Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [result]);

  const payable = records.filter((r) => r.canPay);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear + 1, thisYear];
  const premium = formatYuan(profile.premiumFen);
  const chosen = payable.find((r) => r.id === bindingId);
  const paidYears = new Set(history.filter((p) => p.bindingId === bindingId).map((p) => p.year));
  const enough = !me || me.balanceFen >= profile.premiumFen;
  const ready = enough && !!chosen && !!year && !paidYears.has(year);

  const choosePerson = (id: string) => {
    const paid = new Set(history.filter((p) => p.bindingId === id).map((p) => p.year));
    usePaymentStore.getState().choose({ bindingId: id, ...(year && paid.has(year) ? { year: null } : {}) });
  };

  const pay = async () => {
    if (!chosen || !year) {
      usePaymentStore.getState().pay();
      return;
    }
    const sure = await confirmAction(
      '确认代缴',
      `从您的个人账户为${chosen.relativeName}缴纳 ${year} 年度城乡居民医保费 ${premium} 元？`,
      '确认缴费',
      '再想想',
    );
    if (!sure) return;
    track({ type: 'submit', action: 'pay' });
    if (await usePaymentStore.getState().pay())
      useAuthStore
        .getState()
        .refreshMe()
        .catch(() => undefined);
  };

  if (isRelative(me))
    return (
      <Screen>
        <AuthorizerOnly />
      </Screen>
    );

  if (result) {
    return (
      <Screen>
        <Msg
          title='缴费成功'
          desc={`已为${result.relativeName}缴纳 ${result.year} 年度城乡居民医保费 ${result.amountYuan} 元`}
          actions={
            <>
              <BigButton onClick={() => backOr(ROUTES.family)}>返回</BigButton>
              <BigButton kind='secondary' onClick={() => usePaymentStore.getState().startOver()}>
                继续代缴
              </BigButton>
            </>
          }
        >
          <Card title='缴费信息'>
            <InfoRow label='缴费人员' value={result.relativeName} />
            <InfoRow label='缴费年度' value={`${result.year} 年度`} />
            <InfoRow label='缴费金额' value={`${result.amountYuan} 元`} />
            <InfoRow label='账户余额' value={`${result.balanceAfterYuan} 元`} />
          </Card>
        </Msg>
      </Screen>
    );
  }

  return (
    <Screen>
      <Card title='缴费账户'>
        <InfoRow label='授权人' value={me?.name ?? '—'} />
        <InfoRow label='个人账户余额' value={me ? `${me.balanceYuan} 元` : '—'} />
        <InfoRow label='缴费标准' value={`${premium} 元 / 人 / 年`} />
      </Card>

      {me && me.balanceFen < profile.premiumFen ? (
        <Notice kind='warning' message={`您的个人账户余额 ${me.balanceYuan} 元，不足 ${premium} 元，暂不能代缴。`} />
      ) : null}

      <Card title='选择缴费人员'>
        {loaded && payable.length === 0 ? (
          <View>
            <Text className='lead'>没有生效中的共济使用人。请先绑定亲属，生效后才能代缴。</Text>
            <BigButton kind='secondary' onClick={() => goTo(ROUTES.bind)}>
              去绑定
            </BigButton>
          </View>
        ) : null}
        <View role='radiogroup' aria-label='缴费人员'>
          {payable.map((r) => (
            <Choice
              key={r.id}
              className='choice--person'
              on={bindingId === r.id}
              main={`${r.relativeName}（${r.relation}）`}
              sub={r.relativeIdNumber}
              onChoose={() => choosePerson(r.id)}
            />
          ))}
        </View>
      </Card>

      <Card title='缴费年度'>
        <View role='radiogroup' aria-label='缴费年度'>
          {years.map((y) => {
            const paid = paidYears.has(y);
            return (
              <Choice
                key={y}
                className='choice--year'
                on={year === y && !paid}
                disabled={paid}
                main={paid ? `${y} 年度已缴` : `${y} 年度`}
                onChoose={() => usePaymentStore.getState().choose({ year: y })}
              />
            );
          })}
        </View>
      </Card>

      {notice ? <Notice kind='error' message={notice} /> : null}
      <BigButton onClick={pay} loading={paying} disabled={payable.length === 0 || !ready}>
        {paying ? '正在缴费…' : `确认代缴 ${premium} 元`}
      </BigButton>
      {payable.length > 0 && enough && !ready ? (
        <Text className='muted center'>
          {!chosen ? '请先选择缴费人员' : !year ? '请选择缴费年度' : `${year} 年度已缴，请选择其他年度`}
        </Text>
      ) : null}

      {history.length ? (
        <Card title='代缴记录'>
          {history.map((p) => (
            <InfoRow key={p.id} label={`${p.year} 年度 ${p.relativeName}`} value={`${p.amountYuan} 元`} />
          ))}
        </Card>
      ) : null}
    </Screen>
  );
}
