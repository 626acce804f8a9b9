import { track } from '@/shared/telemetry/track';
import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { useAuthStore } from '@/features/auth/store';
import { useRecordsStore } from '@/features/binding/recordsStore';
import { usePaymentStore } from '@/features/payment/store';
import { useProfileStore } from '@/features/profile/store';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { formatYuan } from '@domain/money';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Notice } from '@/shared/ui/Notice';
import { confirmAction } from '@/shared/ui/confirm';
import { Screen } from '@/shared/ui/Screen';

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

  const payable = records.filter((r) => r.canPay);
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear + 1, thisYear];
  const premium = formatYuan(profile.premiumFen);
  const chosen = payable.find((r) => r.id === bindingId);

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

  return (
    <Screen>
      <Card title='缴费账户'>
        <InfoRow label='授权人' value={me?.name ?? '—'} />
        <InfoRow label='个人账户余额' value={me ? `${me.balanceYuan} 元` : '—'} />
        <InfoRow label='缴费标准' value={`${premium} 元 / 人 / 年`} />
      </Card>

      {result ? (
        <Notice
          kind='success'
          message={`缴费成功：已为${result.relativeName}缴纳 ${result.year} 年度城乡居民医保费 ${result.amountYuan} 元，账户余额 ${result.balanceAfterYuan} 元。`}
        />
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
        {payable.map((r) => (
          <View
            key={r.id}
            className={`choice ${bindingId === r.id ? 'choice--on' : ''}`}
            role='radio'
            aria-checked={bindingId === r.id}
            {...tap(() => usePaymentStore.getState().choose({ bindingId: r.id }))}
          >
            <Text className='choice__main'>
              {r.relativeName}（{r.relation}）
            </Text>
            <Text className='choice__sub'>{r.relativeIdNumber}</Text>
          </View>
        ))}
      </Card>

      <Card title='缴费年度'>
        <View className='choice-row'>
          {years.map((y) => (
            <View
              key={y}
              className={`choice choice--inline ${year === y ? 'choice--on' : ''}`}
              role='radio'
              aria-checked={year === y}
              {...tap(() => usePaymentStore.getState().choose({ year: y }))}
            >
              <Text className='choice__main'>{y} 年度</Text>
            </View>
          ))}
        </View>
      </Card>

      {notice ? <Notice kind='error' message={notice} /> : null}
      <BigButton onClick={pay} loading={paying} disabled={payable.length === 0}>
        {paying ? '正在缴费…' : `确认代缴 ${premium} 元`}
      </BigButton>

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
