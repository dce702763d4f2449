import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { onAuthFailure } from '../api/session';
import { signInPath } from '../features/auth/next-path';
import type { SignInReason } from '../features/auth/next-path';
import { useSession } from './use-session';

/**
 * Signed-in pages only. Without a session: /sign-in?next=<this page>, and back here
 * after signing in. When the master stops accepting the token (api/session
 * onAuthFailure, after any refresh failed) the same happens, with the reason shown.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const [reason, setReason] = useState<SignInReason | undefined>(undefined);

  useEffect(
    () =>
      onAuthFailure((description) => {
        // "Not signed in" comes from requests made with no session at all: nothing ended.
        if (description === 'Not signed in') return;
        setReason(description === 'Token expired' ? 'expired' : 'ended');
      }),
    [],
  );

  if (session === null) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`, reason)} replace />;
  }
  return <Outlet />;
}
