/** `npm run schema -w server`: rewrites server/schema.graphql from the code, no database needed. */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config/app-config.js';
import { generateSchemaSdl } from './schema-sdl.js';

const target = path.join(REPO_ROOT, 'server', 'schema.graphql');
await writeFile(target, await generateSchemaSdl());
console.log(`Wrote ${path.relative(process.cwd(), target) || target}`);
