// @ts-check
/** Drops the run's template databases (see global-setup.js). */
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');
const { adminQuery } = require('./global-setup');

module.exports = async function globalTeardown() {
  const sqlite = process.env.HALO_TEST_SQLITE_TEMPLATE;
  if (sqlite) rmSync(dirname(sqlite), { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.HALO_TEST_POSTGRES_TEMPLATE;
  if (adminUrl && template)
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
};
