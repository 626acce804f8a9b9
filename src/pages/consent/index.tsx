import { TourSpot } from '@/features/tour/TourSpot';
import { useConsentSpot } from '@/features/tour/spots';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { useSignedIn } from '@/features/auth/guard';
import { useAuthStore } from '@/features/auth/store';
import { agreementSections, familyPromise } from '@/features/binding/content/agreement';
import { ProofPicker } from '@/features/binding/components/ProofPicker';
import { SignaturePad } from '@/features/binding/components/SignaturePad';
import { formProblems, useBindFormStore } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { periodText } from '@domain/dates';
import { maskIdNumber, maskName, maskPhone } from '@domain/mask';
import { normalizeForm } from '@domain/validate';
import { ROUTES } from '@/shared/config/routes';
import { goBack, replaceWith } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import { TickBox } from '@/shared/ui/TickBox';
import { track } from '@/shared/telemetry/track';
import '@/shared/ui/flow.scss';

export default function Consent() {
  useSignedIn(ROUTES.consent);
  const profile = useProfileStore((s) => s.profile);
  const today = useProfileStore((s) => s.today);
  const spot = useConsentSpot();
  usePageTitle('consent');
  const values = useBindFormStore((s) => s.values);
  const consent = useBindFormStore((s) => s.consent);
  const submitting = useBindFormStore((s) => s.submitting);
  const notice = useBindFormStore((s) => s.notice);
  const serverErrors = useBindFormStore((s) => s.serverErrors);
  const signature = useBindFormStore((s) => s.signature);
  const proofs = useBindFormStore((s) => s.proofs);
  const form = useMemo(() => normalizeForm(values), [values]);
  const ready = formProblems(values, { today, profile }).length === 0;
  const missing = [
    !consent && '勾选同意',
    profile.signatureRequired && !signature && '手写签名',
    profile.proofKinds.length > 0 && proofs.length === 0 && `上传${profile.proofKinds.join('或')}照片`,
  ].filter(Boolean);

  // How long the agreement was on screen before the user ticked it: did anyone read it?
  const [shownAt] = useState(() => Date.now());
  const tick = (checked: boolean) => {
    if (checked && !useBindFormStore.getState().consent)
      track({ type: 'consent_read', field: 'consent', ms: Date.now() - shownAt });
    useBindFormStore.getState().setConsent(checked);
  };

  const submit = async () => {
    track({ type: 'submit', action: 'bind' });
    // WeUI's loading mask: nothing else on the page takes a tap until the platform has answered.
    Taro.showLoading({ title: '正在提交', mask: true }).catch(() => undefined);
    const outcome = await useBindFormStore
      .getState()
      .submit()
      .finally(() => Taro.hideLoading());
    if (outcome === 'ok') replaceWith(ROUTES.result);
    // The form lives on in memory: after logging in again the user is back here with it all.
    if (outcome === 'signed-out') {
      useAuthStore.getState().clear(useBindFormStore.getState().notice?.message);
      replaceWith(ROUTES.login, { redirect: ROUTES.consent, ended: '1' });
    }
  };

  if (!ready && !Object.keys(serverErrors).length) {
    return (
      <Screen>
        <Notice kind='info' message='请先填写共济使用人的信息。' />
        <BigButton onClick={() => replaceWith(ROUTES.bind)}>去填写</BigButton>
      </Screen>
    );
  }

  return (
    <Screen>
      <Card title='请核对绑定信息'>
        <InfoRow label='使用人' value={maskName(form.name)} />
        <InfoRow label={form.idType} value={maskIdNumber(form.idNumber)} />
        <InfoRow label='手机号码' value={maskPhone(form.phone)} />
        <InfoRow label='与本人关系' value={form.relation} />
        <InfoRow label='授权期限' value={periodText({ startDate: form.startDate, endDate: form.endDate || null })} />
      </Card>

      <Card title={profile.consent.promiseTitle}>
        <Text className='doc-text'>{familyPromise(profile)}</Text>
      </Card>

      <Card title={profile.consent.title} className='agreement'>
        {agreementSections(profile).map((s) => (
          <View key={s.heading} className='agreement__section'>
            <View role='heading' aria-level={3} className='agreement__heading'>
              <Text>{s.heading}</Text>
            </View>
            <Text className='doc-text'>{s.body}</Text>
          </View>
        ))}
      </Card>

      {profile.proofKinds.length > 0 ? (
        <Card title={`上传${profile.consent.promiseTitle}`}>
          <TourSpot spot={spot === 'proof' ? 'proof' : undefined}>
            <ProofPicker
              kinds={profile.proofKinds}
              proofs={proofs}
              onChange={(p) => useBindFormStore.getState().setProofs(p)}
            />
          </TourSpot>
        </Card>
      ) : null}

      {profile.signatureRequired ? (
        <Card title='授权人签名'>
          <TourSpot spot={spot === 'sign' ? 'sign' : undefined}>
            <SignaturePad value={signature} onChange={(s) => useBindFormStore.getState().setSignature(s)} />
          </TourSpot>
        </Card>
      ) : null}

      {/* WeUI's sticky footer: the tick and the button stay in reach below a long agreement. */}
      <View className='sticky-footer'>
        {notice ? <Notice kind='error' message={notice.message} /> : null}
        <TourSpot spot={spot === 'consent' ? 'consent' : undefined}>
          <TickBox checked={consent} onChange={tick} label={profile.consent.tickLabel} />
        </TourSpot>
        <TourSpot spot={spot === 'submit' ? 'submit' : undefined}>
          <BigButton onClick={submit} disabled={missing.length > 0} loading={submitting}>
            {submitting ? '正在提交…' : notice?.kind === 'failed' ? '重新提交' : profile.consent.buttonLabel}
          </BigButton>
        </TourSpot>
        {Object.keys(serverErrors).length ? (
          <BigButton kind='link' onClick={goBack}>
            返回修改
          </BigButton>
        ) : null}
        {missing.length ? (
          <Text className='muted center sticky-footer__hint'>请先{missing.join('、')}，才能提交</Text>
        ) : null}
      </View>
    </Screen>
  );
}
