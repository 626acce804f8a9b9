// What the app reads of the platform's 共济 history: the platform's own views (src/domain/usageViews.ts).
export type {
  AuthorizedMeView,
  GrantView,
  UsageEntry,
  UsageItem,
  UsageKind,
  UsageTotals,
  UsageView,
} from '@domain/usageViews';
