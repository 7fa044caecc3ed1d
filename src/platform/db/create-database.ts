import pg from 'pg';

const UNDEFINED_DATABASE = '3D000';

/**
 * Creates the PostgreSQL database named in the URL when it does not exist yet, with UTF-8 encoding
 * and a UTF-8 ctype (without one, Chinese text gets no trigrams and searches go wrong). Returns
 * whether it created it. Needs a role allowed to CREATE DATABASE; otherwise the error says so.
 */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === UNDEFINED_DATABASE)) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]{1,63}$/.test(name)) throw new Error(`will not create a database named ${JSON.stringify(name)}: use letters, digits, _ or -`);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const quoted = `"${name}"`;
    try {
      await admin.query(`CREATE DATABASE ${quoted} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    } catch (error) {
      // Servers without the C.UTF-8 locale: fall back to the cluster's locale. The encoding is still
      // UTF-8, but Chinese trigram search then depends on that locale being a UTF-8 one.
      if (!(error instanceof Error && /locale|collation/i.test(error.message))) throw error;
      await admin.query(`CREATE DATABASE ${quoted} TEMPLATE template0 ENCODING 'UTF8'`);
    }
  } finally {
    await admin.end();
  }
  return true;
}
