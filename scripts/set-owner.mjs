#!/usr/bin/env node
// npm run set-owner -- <github-owner>[/<repository>] [--author "Name <email>"]
//
// The one place to set where this package lives on GitHub (RELEASING.md, step 1). npm provenance
// and n8n's scanner tie a release to the repository in package.json, so every address derived
// from it must agree: package.json's repository, homepage and bugs; the documentation links of
// the nodes (codex *.node.json) and of the credential; the links in the Markdown files. This
// rewrites them all from the current repository address; test/docs/release.test.ts fails if any
// of them disagree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(REPO, 'package.json');

function usage(message) {
	console.error(`${message}\nusage: npm run set-owner -- <github-owner>[/<repository>] [--author "Name <email>"]`);
	process.exit(1);
}

const args = process.argv.slice(2);
const authorAt = args.indexOf('--author');
const authorArg = authorAt >= 0 ? args.splice(authorAt, 2)[1] : undefined;
const [target] = args;
if (!target) usage('Which GitHub owner?');
const pkg = JSON.parse(fs.readFileSync(PKG, 'utf8'));
const [owner, name = pkg.name] = target.split('/');
const valid = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
if (!valid.test(owner) || !/^[A-Za-z0-9._-]+$/.test(name)) usage(`"${target}" is not a GitHub owner[/repository].`);

const match = /github\.com\/([^/]+)\/([^/#?]+?)(?:\.git)?$/.exec(pkg.repository?.url ?? '');
if (!match) usage(`package.json's repository.url (${pkg.repository?.url}) is not a GitHub address.`);
const oldBase = `https://github.com/${match[1]}/${match[2]}`;
const newBase = `https://github.com/${owner}/${name}`;

let author;
if (authorArg !== undefined) {
	const a = /^\s*(.+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(authorArg);
	if (!a) usage(`--author "${authorArg}" is not "Name <email>".`);
	author = { name: a[1], email: a[2] };
}

// package.json: the fields npm and n8n read, written in their canonical form.
// (bugs, when missing, goes right after homepage)
const fields = {
	homepage: `${newBase}#readme`,
	bugs: { url: `${newBase}/issues` },
	repository: { type: 'git', url: `git+${newBase}.git` },
	...(author ? { author } : {}),
};
const out = {};
for (const [key, value] of Object.entries(pkg)) {
	out[key] = fields[key] ?? value;
	if (key === 'homepage' && !('bugs' in pkg)) out.bugs = fields.bugs;
}
fs.writeFileSync(PKG, JSON.stringify({ ...out, ...Object.fromEntries(Object.entries(fields).filter(([k]) => !(k in out))) }, null, 2) + '\n');

// Every other tracked text file that names the old address.
const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' })
	.split('\0')
	.filter((f) => /\.(json|ts|md|mjs|yml)$/.test(f) && !['package.json', 'package-lock.json'].includes(f));
const changed = ['package.json'];
for (const f of files) {
	const file = path.join(REPO, f);
	if (!fs.existsSync(file)) continue;
	const text = fs.readFileSync(file, 'utf8');
	if (oldBase === newBase || !text.includes(oldBase)) continue;
	fs.writeFileSync(file, text.split(oldBase).join(newBase));
	changed.push(f);
}
console.log(`${oldBase} -> ${newBase}${author ? `, author ${author.name} <${author.email}>` : ''}\nupdated: ${changed.join(', ')}`);
