import { Text } from '@tarojs/components';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { TourFinish } from '@/features/tour/TourSpot';
import { UsageFilters } from '@/features/usage/components/UsageFilters';
import { UsageItem } from '@/features/usage/components/UsageItem';
import { UsageTotals } from '@/features/usage/components/UsageTotals';
import { useUsageStore } from '@/features/usage/store';
import { applyFilter, monthLabel, monthsOf, NO_FILTER, relativesOf, totalsOf } from '@/features/usage/summary';
import { ROUTES } from '@/shared/config/routes';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';

export default function Usage() {
  const entries = useUsageStore((s) => s.entries);
  const filter = useUsageStore((s) => s.filter);
  const loading = useUsageStore((s) => s.loading);
  const loaded = useUsageStore((s) => s.loaded);
  const error = useUsageStore((s) => s.error);
  const load = () =>
    useUsageStore
      .getState()
      .load()
      .catch((e) => redirectIfSignedOut(e, ROUTES.usage));
  useSignedIn(ROUTES.usage, load);

  const shown = applyFilter(entries, filter);
  const filtered = !!filter.relative || !!filter.month;
  const relatives = relativesOf(entries);
  const scope = [
    relatives.find((r) => r.key === filter.relative)?.label ?? '全部亲属',
    filter.month ? monthLabel(filter.month) : '全部月份',
  ].join('，');

  return (
    <Screen>
      <Card>
        <Text className='lead'>亲属看病、买药时用了您个人账户的钱，以及您为亲属代缴的医保费，都记在这里。</Text>
      </Card>
      {entries.length || filtered ? (
        <UsageFilters
          filter={filter}
          relatives={relatives}
          months={monthsOf(entries)}
          onChange={(patch) => useUsageStore.getState().setFilter(patch)}
        />
      ) : null}
      {error ? (
        <>
          <Notice kind='error' message={`明细没有加载成功：${error}`} />
          <BigButton kind='secondary' loading={loading} onClick={load}>
            重试
          </BigButton>
        </>
      ) : null}
      {loading && !loaded ? <Text className='muted'>正在加载…</Text> : null}
      {loaded && entries.length === 0 ? (
        <Card title='还没有共济使用记录'>
          <Text className='lead'>
            您绑定的亲属用您的个人账户看病、买药，或您为亲属代缴医保费后，每一笔都会显示在这里。
          </Text>
        </Card>
      ) : null}
      {entries.length && shown.length === 0 ? (
        <Card title='没有符合条件的记录'>
          <Text className='lead'>{scope}没有共济使用记录。</Text>
          <BigButton kind='secondary' onClick={() => useUsageStore.getState().setFilter(NO_FILTER)}>
            查看全部明细
          </BigButton>
        </Card>
      ) : null}
      {loaded || error ? <TourFinish /> : null}
      {shown.length ? <UsageTotals totals={totalsOf(shown)} scope={scope} /> : null}
      {shown.map((e) => (
        <UsageItem key={e.id} entry={e} />
      ))}
    </Screen>
  );
}
