import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where Debian's postgresql package puts initdb and pg_ctl (`.ci/run` installs it). */
export const PG_BIN = process.env.VERITY_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface LocalPostgres {
  /** A URL for a fresh, empty database on this server. */
  freshDatabaseUrl(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A real PostgreSQL server of a test's or bench's own: a new cluster in a temporary folder (initdb), started
 * with pg_ctl on a free port, listening on a Unix socket only, fsync off; stopped and deleted by
 * `stop()`. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export async function startLocalPostgres(): Promise<LocalPostgres> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL is not installed (no ${PG_BIN}/initdb): install Debian's postgresql package (\`.ci/run\` does), or set VERITY_PG_BIN.`,
    );
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-pg-'));
  const data = path.join(root, 'data');
  const socket = path.join(root, 'socket');
  fs.mkdirSync(socket);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', root]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, command), ...args]]
      : [path.join(PG_BIN, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'verity', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(root, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${socket} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  const urlOf = (database: string) => `postgres://verity@${encodeURIComponent(socket)}:${port}/${database}`;
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  let databases = 0;
  return {
    async freshDatabaseUrl() {
      const name = `verity_${++databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return urlOf(name);
    },
    async stop() {
      await admin.end();
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
