// Preloaded into the Electronegativity child process only (never into the product).
//
// Electronegativity 1.10.3 parses TypeScript with @typescript-eslint/typescript-estree 4, which needs the
// JavaScript compiler API of TypeScript 4. npm hoists typescript-estree to the top of node_modules, where
// `require('typescript')` finds the project's own TypeScript 7 (a native compiler without that API:
// `SyntaxKind` is undefined). This hook answers the scanner's `typescript` requests with the TypeScript 4 that
// Electronegativity itself depends on.
const Module = require('node:module');
const path = require('node:path');

const scannerRoot = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const typescript4 = require.resolve('typescript', { paths: [scannerRoot] });
// Node's resolver has no public hook for CommonJS `require` in this Node line; `_resolveFilename` is the
// long-standing internal one that module aliasing tools use.
/* oxlint-disable no-underscore-dangle */
const original = Module._resolveFilename;
Module._resolveFilename = function resolveForScanner(request, ...rest) {
  if (request === 'typescript') return typescript4;
  return original.call(this, request, ...rest);
};
/* oxlint-enable no-underscore-dangle */
