#!/usr/bin/env node
// npm run release -- [patch|minor|major|<version>]: the local half of a release (RELEASING.md,
// step 3). Bumps the version, which commits and tags vX.Y.Z, and pushes both; the tag starts
// .github/workflows/publish.yml, which publishes with provenance. Nothing is published from here.
import { execFileSync } from 'node:child_process';

const bump = process.argv[2] ?? 'patch';
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch !== 'main') throw new Error(`release from main, not from ${branch}`);
if (git('status', '--porcelain')) throw new Error('commit or stash your changes first (git status)');
execFileSync('npm', ['version', bump, '-m', 'Release %s'], { stdio: 'inherit' });
execFileSync('git', ['push', '--follow-tags'], { stdio: 'inherit' });
console.log('Pushed. GitHub Actions (publish.yml) now tests and publishes this version with provenance.');
