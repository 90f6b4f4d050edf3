/** Whether a repository has SQL migrations, so the migration-lint gate applies to its deploys. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the common frameworks keep migrations (Rails, Prisma, Supabase, Alembic, Knex, Flyway…). */
export const MIGRATION_DIRS: readonly string[] = [
  'db/migrations', 'db/migrate', 'migrations', 'prisma/migrations', 'supabase/migrations', 'database/migrations',
  'src/migrations', 'alembic/versions', 'src/main/resources/db/migration', 'drizzle',
];

/** The first migrations folder (relative) that holds at least one file, if any. */
export async function findMigrationsDir(repo: string): Promise<string | undefined> {
  for (const dir of MIGRATION_DIRS) {
    try {
      if ((await readdir(join(repo, dir))).length) return dir;
    } catch {
      // Not there: try the next convention.
    }
  }
  return undefined;
}
