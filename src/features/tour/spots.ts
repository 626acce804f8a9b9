// Which step a page with several steps is at, from what the user has done so far.
import { useBindFormStore } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { normalizeForm, validateBindingForm } from '@domain/validate';
import type { TourSpotId } from './steps';

/** 共济账户绑定: 填入示例 until the form is complete, then 下一步. */
export function useBindSpot(): TourSpotId {
  const values = useBindFormStore((s) => s.values);
  const { profile, today } = useProfileStore();
  return validateBindingForm(normalizeForm(values), { today, profile }).length === 0 ? 'bind-next' : 'bind';
}

/** The consent page: proof photos, signature, the tick, then submit, each in turn. */
export function useConsentSpot(): TourSpotId {
  const profile = useProfileStore((s) => s.profile);
  const { proofs, signature, consent } = useBindFormStore();
  if (profile.proofKinds.length > 0 && proofs.length === 0) return 'proof';
  if (profile.signatureRequired && !signature) return 'sign';
  return consent ? 'submit' : 'consent';
}
