// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { PageErrorPage, RootErrorPage } from './route-error-page';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderWith(Page: () => ReactNode, ErrorBoundary: () => ReactNode) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <p>Home</p> },
      { path: '/page', Component: Page, ErrorBoundary },
    ],
    { initialEntries: ['/page'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('route error pages', () => {
  it('a page that crashed: says so, "Try again" renders it again, and a link leads home', async () => {
    // React logs the caught render error; the test is about what the user sees.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let crash = true;
    const Flaky = () => {
      if (crash) throw new Error('Cannot read properties of undefined');
      return <p>Page works</p>;
    };
    renderWith(Flaky, PageErrorPage);

    expect(await screen.findByRole('heading', { name: 'Something went wrong on this page' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.getByText('Cannot read properties of undefined')).toBeInTheDocument();

    crash = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Page works')).toBeVisible();
  });

  it('a page whose code did not download offers a reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          path: '/page',
          lazy: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/page-abc.js')),
          ErrorBoundary: RootErrorPage,
        },
      ],
      { initialEntries: ['/page'] },
    );
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
