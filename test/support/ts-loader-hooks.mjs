// Module hooks for register-ts.mjs: resolve extensionless relative imports
// to .ts/.tsx files and strip types from them.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/experimental';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

export async function resolve(specifier, context, next) {
  if ((specifier.startsWith('.') || specifier.startsWith('/')) && context.parentURL?.startsWith('file:')) {
    const base = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(base))) {
      for (const ext of EXTENSIONS) {
        const candidate = new URL(base.href + ext);
        if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
      }
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && /\.tsx?$/.test(url)) {
    const path = fileURLToPath(url);
    const source = await readFile(path, 'utf8');
    const { code, errors } = transformSync(path, source, { sourceType: 'module', jsx: { runtime: 'automatic' } });
    if (errors?.length) throw new Error(`${path}: ${errors.map((e) => e.message).join('; ')}`);
    return { format: 'module', source: code, shortCircuit: true };
  }
  return next(url, context);
}
