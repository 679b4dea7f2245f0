#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ through tsx, so `npx leadlens` works right after `npm install`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
