/**
 * How a log view's scope (one service, a stack or a whole grid; api/logs.ts follows and
 * fetches all three) is keyed and named in the page.
 */
import type { LogScope } from '../../api/logs';
import { serviceDisplayName } from '../../api/service-ref';

/** A stable text key of a scope, for React keys and session identity. */
export function scopeKey(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return `service:${scope.ref.grid}/${scope.ref.stack}/${scope.ref.name}`;
    case 'stack':
      return `stack:${scope.grid}/${scope.stack}`;
    case 'grid':
      return `grid:${scope.grid}`;
  }
}

/** "production-shop.web": how downloads are named. */
export function scopeFileLabel(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return `${scope.ref.grid}-${serviceDisplayName(scope.ref).replace('/', '.')}`;
    case 'stack':
      return `${scope.grid}-${scope.stack}`;
    case 'grid':
      return scope.grid;
  }
}

/** "shop/web", "stack shop", "grid production": how the view is named to people. */
export function scopeTitle(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return serviceDisplayName(scope.ref);
    case 'stack':
      return `stack ${scope.stack}`;
    case 'grid':
      return `grid ${scope.grid}`;
  }
}
