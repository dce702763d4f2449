/// <reference types="vite/client" />

/** True only in `npm start` without KONTENA_URL: the app then runs the simulated master in the browser. */
declare const __KONTENA_SIMULATED__: boolean;
