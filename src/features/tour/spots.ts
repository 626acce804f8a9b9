// Which step a page with several steps is at, from what the user has done so far.
import { formProblems, useBindFormStore } from '@/features/binding';
import { useProfileStore } from '@/features/profile';
import type { TourSpotId } from './steps';

/** 共济账户绑定: 填入示例 until the form is complete, then 下一步. */
export function useBindSpot(): TourSpotId {
  const values = useBindFormStore((s) => s.values);
  const profile = useProfileStore((s) => s.profile);
  const today = useProfileStore((s) => s.today);
  // The same cached check the form shows: typing is validated once, not once more for the tour.
  return formProblems(values, { today, profile }).length === 0 ? 'bind-next' : 'bind';
}

/** The consent page: proof photos, signature, the tick, then submit, each in turn. */
export function useConsentSpot(): TourSpotId {
  const profile = useProfileStore((s) => s.profile);
  const proofs = useBindFormStore((s) => s.proofs);
  const signature = useBindFormStore((s) => s.signature);
  const consent = useBindFormStore((s) => s.consent);
  if (profile.proofKinds.length > 0 && proofs.length === 0) return 'proof';
  if (profile.signatureRequired && !signature) return 'sign';
  return consent ? 'submit' : 'consent';
}
