import { isApiError } from '../../api/errors';

export type SignInMethod = 'code' | 'token';

interface SignInErrorText {
  title: string;
  /** What to check or do next. */
  advice: string;
  /** A command that fixes it, shown as code after the advice. */
  command?: string;
  /** The client's own sentence about the failed request, when it adds something. */
  detail: string | null;
}

/** What to tell the user about a failed sign-in, by what went wrong. */
export function describeSignInError(error: unknown, method: SignInMethod): SignInErrorText {
  if (!isApiError(error)) {
    return {
      title: 'Sign-in failed',
      advice: 'Something unexpected went wrong in the dashboard. Try again; if it keeps happening, reload the page.',
      detail: error instanceof Error ? error.message : null,
    };
  }
  const detail = error.message;
  switch (error.kind) {
    case 'network':
      return {
        title: 'Cannot reach the Kontena Master',
        advice:
          'The dashboard got no answer from the master. Check that the master is running and that this dashboard’s server proxies /v1 and /oauth2 to it (KONTENA_URL).',
        detail,
      };
    case 'badResponse':
      return {
        title: 'The answer did not come from a Kontena Master',
        advice:
          'Something answered with an HTML page or other data that is not the Kontena API — usually a proxy or web server in front of the master. Check where /v1 and /oauth2 are proxied to.',
        detail,
      };
    case 'auth':
      // The api's own sentence says the same as the title here: no detail.
      return method === 'code'
        ? {
            title: 'This code does not work',
            advice: 'The master does not know it, or it was already used (a code works once). Create a new one with',
            command: 'kontena master token create --code',
            detail: null,
          }
        : {
            title: 'The master does not accept this token',
            advice: 'It may be mistyped, revoked or expired. Create a new one with',
            command: 'kontena master token create --expires-in 0',
            detail: null,
          };
    case 'rateLimited':
      return {
        title: 'Too many sign-in attempts',
        advice: 'The master allows 60 sign-in requests a minute. Wait a minute, then try again.',
        detail,
      };
    case 'server':
      return {
        title: 'The master failed',
        advice: 'The master had an internal error. Try again in a moment; if it persists, check the master’s logs.',
        detail,
      };
    case 'forbidden':
      return { title: 'The master refused the sign-in', advice: 'Your user may not have access to this master.', detail };
    case 'notFound':
      return {
        title: 'No Kontena Master at this address',
        advice: 'The sign-in endpoint was not found. Check that /v1 and /oauth2 are proxied to a Kontena Master.',
        detail,
      };
    case 'validation':
      return { title: 'The master rejected the request', advice: 'Check what you entered and try again.', detail };
  }
}
