/** Writes docs/openapi.json from the served OpenAPI object (a test checks the two agree). */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config.js';
import { OPENAPI } from '../src/server/openapi.js';

fs.writeFileSync(path.join(packageRoot(), 'docs', 'openapi.json'), `${JSON.stringify(OPENAPI, null, 2)}\n`);
