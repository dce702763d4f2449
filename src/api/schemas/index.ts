export * from './common';
export * from './container';
export * from './deploy';
export * from './error-bodies';
export * from './event';
export * from './grid';
export * from './log';
export * from './node';
export * from './secret';
export * from './service';
export * from './stack';
export * from './stats';
export * from './token';
export * from './user';
// Request bodies: types only, so their schemas never reach a page (they are for the contract tests).
export type * from './requests/secret-body';
export type * from './requests/service-action-body';
export type * from './requests/service-body';
export type * from './requests/token-body';
