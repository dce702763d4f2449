/**
 * How pages write their view state (filters, options, intervals) into the URL: the entry
 * is replaced (no history step per click), and the change renders at once instead of in
 * a transition. A checkbox or select bound to the URL would otherwise snap back until the
 * transition commits, which on a busy machine users see, and a click's check trips on.
 */
export const URL_VIEW_STATE = { replace: true, flushSync: true } as const;
