import { TourSpot } from '@/features/tour/TourSpot';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useSignedIn } from '@/features/auth/guard';
import { useAuthStore } from '@/features/auth/store';
import { agreementSections, familyPromise } from '@/features/binding/content/agreement';
import { ProofPicker } from '@/features/binding/components/ProofPicker';
import { SignaturePad } from '@/features/binding/components/SignaturePad';
import { useBindFormStore } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { maskIdNumber, maskName, maskPhone } from '@domain/mask';
import { normalizeForm, validateNormalizedForm } from '@domain/validate';
import { ROUTES } from '@/shared/config/routes';
import { goBack, replaceWith } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import { TickBox } from '@/shared/ui/TickBox';
import { track } from '@/shared/telemetry/track';

export default function Consent() {
  useSignedIn(ROUTES.consent);
  const profile = useProfileStore((s) => s.profile);
  const today = useProfileStore((s) => s.today);
  const values = useBindFormStore((s) => s.values);
  const consent = useBindFormStore((s) => s.consent);
  const submitting = useBindFormStore((s) => s.submitting);
  const notice = useBindFormStore((s) => s.notice);
  const serverErrors = useBindFormStore((s) => s.serverErrors);
  const signature = useBindFormStore((s) => s.signature);
  const proofs = useBindFormStore((s) => s.proofs);
  const form = normalizeForm(values);
  const ready = validateNormalizedForm(form, { today, profile }).length === 0;
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
    const outcome = await useBindFormStore.getState().submit();
    if (outcome === 'ok') replaceWith(ROUTES.result);
    // The form lives on in memory: after logging in again the user is back here with it all.
    if (outcome === 'signed-out') {
      useAuthStore.getState().clear(useBindFormStore.getState().notice?.message);
      replaceWith(ROUTES.login, { redirect: ROUTES.consent });
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
        <InfoRow label='授权期限' value={`${form.startDate} 起，${form.endDate ? `${form.endDate} 止` : '长期有效'}`} />
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
          <ProofPicker
            kinds={profile.proofKinds}
            proofs={proofs}
            onChange={(p) => useBindFormStore.getState().setProofs(p)}
          />
        </Card>
      ) : null}

      {profile.signatureRequired ? (
        <Card title='授权人签名'>
          <SignaturePad value={signature} onChange={(s) => useBindFormStore.getState().setSignature(s)} />
        </Card>
      ) : null}

      <TourSpot spot='consent'>
        <TickBox checked={consent} onChange={tick} label={profile.consent.tickLabel} />
      </TourSpot>

      {notice ? <Notice kind='error' message={notice.message} /> : null}
      {Object.keys(serverErrors).length ? (
        <BigButton kind='secondary' onClick={goBack}>
          返回修改
        </BigButton>
      ) : null}
      <BigButton onClick={submit} disabled={missing.length > 0} loading={submitting}>
        {submitting ? '正在提交…' : notice?.kind === 'failed' ? '重新提交' : profile.consent.buttonLabel}
      </BigButton>
      {missing.length ? <Text className='muted center'>请先{missing.join('、')}，才能提交</Text> : null}
    </Screen>
  );
}
