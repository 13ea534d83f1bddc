/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- does not ship (README, Development: Lint) */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

// What n8n's verification and npm provenance check about the release, read from the files a
// maintainer edits (RELEASING.md walks through them) and from `npm pack`, as npm would publish.

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

/** The anchors GitHub gives the README's headings. */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	for (const [, title] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
		anchors.add(
			title
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		);
	}
	return anchors;
}

function githubBase(): string {
	const match = /^git\+(https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+)\.git$/.exec(pkg.repository?.url ?? '');
	if (!match) throw new Error(`package.json repository.url is not "git+https://github.com/<owner>/<repo>.git": ${pkg.repository?.url}`);
	return match[1];
}

function filesUnder(dir: string, suffix: string): string[] {
	return fs
		.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith(suffix))
		.map((f) => path.join(dir, f));
}

describe('Release', () => {
	it('repository, homepage, bugs and author name one GitHub repository (npm run set-owner)', () => {
		const base = githubBase();
		expect(pkg.homepage).toBe(`${base}#readme`);
		expect(pkg.bugs).toEqual({ url: `${base}/issues` });
		expect(pkg.author?.name).toEqual(expect.any(String));
		expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
	});

	it('every documentation link of the nodes and the credential opens a section of the README', () => {
		const base = githubBase();
		const anchors = headingAnchors(read('README.md'));
		const links: Array<[string, string]> = [];
		for (const codex of filesUnder('nodes', '.node.json')) {
			const resources = JSON.parse(read(codex)).resources ?? {};
			for (const kind of ['primaryDocumentation', 'credentialDocumentation']) {
				expect({ codex, kind, links: (resources[kind] ?? []).length }).toEqual({ codex, kind, links: 1 });
				links.push([`${codex} ${kind}`, resources[kind][0].url]);
			}
		}
		for (const credential of filesUnder('credentials', '.credentials.ts')) {
			const url = /documentationUrl = '([^']+)'/.exec(read(credential))?.[1];
			links.push([`${credential} documentationUrl`, url ?? '(none)']);
		}
		for (const [where, url] of links) {
			const [page, anchor] = url.split('#');
			expect({ where, page, anchorInReadme: anchors.has(anchor) }).toEqual({ where, page: base, anchorInReadme: true });
		}
	});

	it('is MIT licensed, with the LICENSE in the repository', () => {
		expect(pkg.license).toBe('MIT');
		expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} .+\n\nPermission is hereby granted, free of charge/);
	});

	it('publishes only dist/, README.md, LICENSE and package.json, at most 150 KB, with every node and credential', () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
		);
		const files: string[] = pack.files.map((f: { path: string }) => f.path);
		expect(files.filter((f) => !/^dist\//.test(f) && !['README.md', 'LICENSE', 'package.json'].includes(f))).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', ...pkg.n8n.nodes, ...pkg.n8n.credentials]));
		expect(files.filter((f) => /\.(png|jpe?g|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
		expect(pack.size).toBeLessThanOrEqual(150_000);
	});

	it('publish.yml publishes a version tag with provenance (id-token: write) through the prepublishOnly guard', () => {
		const workflow = parse(read('.github/workflows/publish.yml'));
		expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
		const job = workflow.jobs.publish;
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const publish = job.steps.find((s: { run?: string }) => /^npm publish/.test(s.run ?? ''));
		expect(publish.run).toBe('npm publish --provenance --access public --ignore-scripts=false');
		expect(publish.env.RELEASE_MODE).toBe('true');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const runs = job.steps.map((s: { run?: string }) => s.run).filter(Boolean);
		expect(runs.indexOf(publish.run)).toBe(runs.length - 1);
		expect(runs).toEqual(expect.arrayContaining(['npm run lint', 'npm run cloud-support', 'npm run build', 'npx jest', 'npm run scan']));
	});

	it('ci.yml installs, lints, builds and tests, then runs the scanner, the tarball and the real n8n', () => {
		const workflow = parse(read('.github/workflows/ci.yml'));
		const runs = (job: string) => workflow.jobs[job].steps.map((s: { run?: string }) => s.run).filter(Boolean);
		expect(runs('test')).toEqual([
			'npm ci --no-audit --no-fund',
			'npm run lint',
			'npm run cloud-support',
			'npm run build',
			'npm run typecheck',
			'npx jest',
		]);
		expect(runs('verify')).toEqual(['npm ci --no-audit --no-fund', 'npm run scan', 'npm publish --dry-run', 'npm run test:e2e']);
	});
});
