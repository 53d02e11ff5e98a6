// The enrollment pages as routes for src/http/server.ts:
//   const pages = createPagesDatabase({ url: database.url, embedded: database.embedded, log });
//   createHttpServer({ db, log, routes: enrollmentRoutes({ db, pages, log, secure }) });
//   ...at shutdown, once the server is closed: await pages.end();
import type { Route } from '../http/server.js';
import { acceptRoutes } from './accept-routes.js';
import { brandRoutes } from './brand-routes.js';
import { createContext, type EnrollmentOptions } from './context.js';
import { firstLoginRoutes } from './first-login-routes.js';
import { ssoRoutes } from './sso-routes.js';
import { STYLESHEET_PATH, serveStylesheet } from './stylesheet.js';

export { createPagesDatabase, PAGES_POOL_SIZE, type PagesDatabase } from '../db/pages-database.js';
export type { EnrollmentOptions } from './context.js';

export function enrollmentRoutes(options: EnrollmentOptions): Record<string, Route> {
  const ctx = createContext(options);
  return {
    ...acceptRoutes(ctx),
    ...firstLoginRoutes(ctx),
    ...ssoRoutes(ctx),
    ...brandRoutes(ctx),
    [`GET ${STYLESHEET_PATH}`]: serveStylesheet,
  };
}
