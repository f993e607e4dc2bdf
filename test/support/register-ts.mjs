// Lets plain `node` run the project's TypeScript (child processes of the
// integration tests, the benchmark): `node --import ./test/support/register-ts.mjs file.ts`.
// Type-only transpilation with rolldown's oxc transformer (already installed
// with vite); imports without an extension resolve like the bundler does.
import { register } from 'node:module';

register(new URL('./ts-loader-hooks.mjs', import.meta.url));
