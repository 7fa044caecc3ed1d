/** The server that test databases are created on (each test file makes and drops its own). */
export const PG_ADMIN_URL = process.env.SANXIANG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
