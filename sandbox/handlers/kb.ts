/** Knowledge base (docs/jitbit-api.md §15). Articles are filed under the helpdesk categories. */
import { notFound } from '../errors';
import { articleDetail, articleListItem, categoryShape } from '../shapes';
import { Ctx, Route, json, read, requireTech, verbs } from './route';

function visibleArticles(ctx: Ctx) {
	return [...ctx.db.articles.values()].filter((a) => ctx.isTech || !a.forTechsOnly);
}

/** Articles: an object {Articles, Categories}, as one helpdesk answered, not a bare array. */
function listArticles(ctx: Ctx) {
	const categoryId = ctx.p.int('categoryId');
	const articles = visibleArticles(ctx).filter((a) => categoryId === undefined || a.categoryId === categoryId);
	const catIds = [...new Set(visibleArticles(ctx).map((a) => a.categoryId))].sort((a, b) => a - b);
	return json({
		Articles: articles.map((a) => articleListItem(ctx, a)),
		Categories: catIds.map((id) => ctx.db.categories.get(id)).filter((c) => c !== undefined).map((c) => categoryShape(ctx.db, c)),
	});
}

function getArticle(ctx: Ctx) {
	const id = ctx.p.reqInt('id');
	const a = visibleArticles(ctx).find((x) => x.articleId === id);
	if (!a) throw notFound(`Article ${id} not found`);
	return json(articleDetail(ctx, a));
}

/**
 * POST Article (only a name in Jitbit's method list; docs/jitbit-api.md §15, §20). Inferred: `categoryId`, `subject`, `body` (required), `tags`
 * (comma-separated) and `forTechsOnly`; `title`/`text` accepted as spellings of subject/body. Answers the
 * new id as a bare number, like the other create calls.
 */
function createArticle(ctx: Ctx) {
	const { p, db } = ctx;
	requireTech(ctx, 'Creating a KB article');
	const subject = p.str('subject') ?? p.str('title') ?? p.reqStr('subject');
	const body = p.str('body') ?? p.str('text') ?? p.reqStr('body');
	const categoryId = db.category(p.reqInt('categoryId')).categoryId;
	const tags = p.values('tags').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
	const articleId = db.nextId('article');
	const now = db.nowIso();
	db.articles.set(articleId, {
		articleId, subject, body, categoryId, tags, forTechsOnly: p.bool('forTechsOnly') ?? false, dateCreated: now, lastUpdated: now,
		urlId: `${articleId}-${subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
	});
	for (const f of ctx.files) db.addFile({ articleId, userId: ctx.viewer.userId, fileName: f.filename, contentType: f.contentType, data: f.data });
	return json(articleId);
}

export const kbRoutes: Route[] = [
	read('Articles', 'any', listArticles),
	verbs('Article', ['GET'], 'any', getArticle),
	verbs('Article', ['POST'], 'tech', createArticle),
];
