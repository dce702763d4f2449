/** How often the service page refreshes the service and its containers (like the services list). */
export const SERVICE_POLL_MS = 5_000;
