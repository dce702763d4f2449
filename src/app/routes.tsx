import type { RouteObject } from 'react-router';
import { BootScreen } from './pages/boot-screen';
import { HomeRedirect } from './pages/home-redirect';
import { NotFoundPage } from './pages/not-found-page';
import { PageErrorPage, RootErrorPage } from './pages/route-error-page';
import { RequireSession } from './require-session';
import { AppShell } from './shell/app-shell';

/**
 * The route tree. Pages load lazily so the first route carries only the shell and its
 * own page; nothing here may pull in recharts, xterm or msw.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      id: 'root',
      ErrorBoundary: RootErrorPage,
      HydrateFallback: BootScreen,
      children: [
        {
          path: 'sign-in',
          lazy: async () => ({ Component: (await import('../features/auth/sign-in-page')).SignInPage }),
        },
        {
          Component: RequireSession,
          children: [
            {
              // The wall screen: no chrome, configured by its URL only.
              path: 'wall',
              ErrorBoundary: PageErrorPage,
              lazy: async () => ({ Component: (await import('../features/wall/wall-page')).WallPage }),
            },
            {
              Component: AppShell,
              children: [
                {
                  // Errors of a page render inside the shell, so navigation stays usable.
                  ErrorBoundary: PageErrorPage,
                  children: [
                    { index: true, Component: HomeRedirect },
                    {
                      path: 'grids/:grid',
                      children: [
                        {
                          // The grid overview is the landing page of a grid.
                          index: true,
                          lazy: async () => ({ Component: (await import('../features/overview/overview-page')).OverviewPage }),
                        },
                        {
                          path: 'services',
                          lazy: async () => ({ Component: (await import('../features/services/services-page')).ServicesPage }),
                        },
                        {
                          path: 'services/new',
                          lazy: async () => ({
                            Component: (await import('../features/service-form/create-service-page')).CreateServicePage,
                          }),
                        },
                        {
                          path: 'services/:stack/:name',
                          lazy: async () => ({ Component: (await import('./pages/service-route')).ServiceRoute }),
                          children: [
                            {
                              index: true,
                              lazy: async () => ({ Component: (await import('../features/service-detail/overview-tab')).OverviewTab }),
                            },
                            {
                              path: 'instances',
                              lazy: async () => ({ Component: (await import('../features/monitor/instances-tab')).InstancesTab }),
                            },
                            {
                              path: 'stats',
                              lazy: async () => ({ Component: (await import('../features/stats/stats-tab')).StatsTab }),
                            },
                            {
                              path: 'logs',
                              lazy: async () => ({ Component: (await import('../features/logs/logs-tab')).LogsTab }),
                            },
                            {
                              path: 'events',
                              lazy: async () => ({ Component: (await import('../features/service-detail/events-tab')).EventsTab }),
                            },
                            {
                              path: 'settings',
                              lazy: async () => ({ Component: (await import('../features/service-form/edit-service-tab')).EditServiceTab }),
                            },
                          ],
                        },
                        {
                          path: 'logs',
                          lazy: async () => ({ Component: (await import('../features/logs/grid-logs-page')).GridLogsPage }),
                        },
                        {
                          path: 'stacks',
                          lazy: async () => ({ Component: (await import('../features/stacks/stacks-page')).StacksPage }),
                        },
                        {
                          // Install, or upgrade an existing stack with ?upgrade=<name>.
                          // Not under stacks/: a stack may be called "install".
                          path: 'install-stack',
                          lazy: async () => ({ Component: (await import('../features/stacks/install-stack-page')).InstallStackPage }),
                        },
                        {
                          path: 'stacks/:stack',
                          lazy: async () => ({ Component: (await import('../features/stacks/stack-page')).StackPage }),
                        },
                        {
                          path: 'volumes',
                          lazy: async () => ({ Component: (await import('../features/volumes/volumes-page')).VolumesPage }),
                        },
                        {
                          path: 'stacks/:stack/logs',
                          lazy: async () => ({ Component: (await import('../features/logs/stack-logs-page')).StackLogsPage }),
                        },
                        {
                          path: 'nodes',
                          lazy: async () => ({ Component: (await import('../features/nodes/nodes-page')).NodesPage }),
                        },
                        {
                          path: 'nodes/:node',
                          lazy: async () => ({ Component: (await import('../features/nodes/node-page')).NodePage }),
                        },
                        {
                          path: 'audit',
                          lazy: async () => ({ Component: (await import('../features/audit/audit-page')).AuditPage }),
                        },
                        {
                          path: 'secrets',
                          lazy: async () => ({ Component: (await import('../features/secrets/secrets-page')).SecretsPage }),
                        },
                      ],
                    },
                    {
                      path: 'wall-builder',
                      lazy: async () => ({ Component: (await import('../features/wall/wall-builder-page')).WallBuilderPage }),
                    },
                    { path: '*', Component: NotFoundPage },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}
