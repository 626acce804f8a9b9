import { Text } from '@tarojs/components';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { isRelative } from '@/features/auth/role';
import { useAuthStore } from '@/features/auth/store';
import { AuthorizerOnly } from '@/features/usage/components/AuthorizerOnly';
import { TourFinish } from '@/features/tour/TourSpot';
import { UsageFilters } from '@/features/usage/components/UsageFilters';
import { UsageRow } from '@/features/usage/components/UsageRow';
import { UsageTotals } from '@/features/usage/components/UsageTotals';
import { useUsageStore } from '@/features/usage/store';
import {
  monthLabel,
  NO_FILTER,
  refundedIn,
  relativeChoices,
  sameFilter,
  type UsageFilter,
} from '@/features/usage/summary';
import { ROUTES } from '@/shared/config/routes';
import { track } from '@/shared/telemetry/track';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';

export default function Usage() {
  const filter = useUsageStore((s) => s.filter);
  const view = useUsageStore((s) => s.view);
  const viewFilter = useUsageStore((s) => s.viewFilter);
  const loading = useUsageStore((s) => s.loading);
  const error = useUsageStore((s) => s.error);
  const me = useAuthStore((s) => s.me);
  const load = () =>
    useUsageStore
      .getState()
      .load()
      .catch((e) => redirectIfSignedOut(e, ROUTES.usage));
  const choose = (patch: Partial<UsageFilter>) => {
    // For a research session: which filter the participant used (its name only, never the value).
    for (const field of Object.keys(patch) as (keyof UsageFilter)[]) track({ type: 'field_focus', field });
    return useUsageStore
      .getState()
      .setFilter(patch)
      .catch((e) => redirectIfSignedOut(e, ROUTES.usage));
  };
  useSignedIn(ROUTES.usage, load);

  // What is on screen always answers the filters shown above it: while another answer is on its way,
  // or after it failed, the old list is not passed off as the new one.
  const current = view && viewFilter && sameFilter(viewFilter, filter) ? view : null;
  const filtered = !!filter.relative || !!filter.month;
  const relatives = relativeChoices(view?.relatives ?? []);
  const scope = [
    relatives.find((r) => r.key === filter.relative)?.label ?? '全部亲属',
    filter.month ? monthLabel(filter.month) : '全部月份',
  ].join('，');
  const refunded = refundedIn(current?.items ?? []);
  const everEmpty = !!current && !filtered && current.items.length === 0;

  if (isRelative(me))
    return (
      <Screen>
        <AuthorizerOnly />
      </Screen>
    );

  return (
    <Screen>
      <Card>
        <Text className='lead'>亲属看病、买药用了您个人账户的钱，以及您为亲属代缴的医保费，每一笔都记在这里。</Text>
      </Card>
      {(view && (view.relatives.length || view.months.length)) || filtered ? (
        <UsageFilters filter={filter} relatives={relatives} months={view?.months ?? []} onChange={choose} />
      ) : null}
      {error ? (
        <>
          <Notice kind='error' message={`明细没有加载成功。${error}`} />
          <BigButton kind='secondary' loading={loading} onClick={load}>
            重试
          </BigButton>
        </>
      ) : null}
      {loading && !current ? <Text className='muted'>正在加载…</Text> : null}
      {everEmpty ? (
        <Card title='还没有共济使用记录'>
          <Text className='lead'>
            您绑定的亲属用您的个人账户看病、买药，或您为亲属代缴医保费后，每一笔都会显示在这里。
          </Text>
        </Card>
      ) : null}
      {current && filtered && current.items.length === 0 ? (
        <Card title='没有符合条件的记录'>
          <Text className='lead'>{scope}：没有共济使用记录。</Text>
          <BigButton kind='secondary' onClick={() => choose(NO_FILTER)}>
            查看全部明细
          </BigButton>
        </Card>
      ) : null}
      {current || error ? <TourFinish /> : null}
      {current && current.items.length ? <UsageTotals totals={current.totals} scope={scope} /> : null}
      {current?.items.map((e) => (
        <UsageRow key={e.id} item={e} refunded={e.kind === '共济结算' && refunded.has(e.settlementId)} />
      ))}
    </Screen>
  );
}
