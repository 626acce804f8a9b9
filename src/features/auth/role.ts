import type { MeView } from '@domain/views';

/**
 * A relative who logged in (刘桂兰, 张小明) sees who authorizes them and what they used; binding,
 * 代缴 and 解绑 belong to the authorizer alone, so their screens offer none of it.
 */
export const isRelative = (me: MeView | null): boolean => me?.role === 'relative';
