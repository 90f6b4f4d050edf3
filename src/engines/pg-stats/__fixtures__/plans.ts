/** Plans captured from PostgreSQL 15 with `EXPLAIN (FORMAT JSON, VERBOSE, COSTS)` of generic plans. */
import { readFileSync } from 'node:fs';
import { planRoot, type PlanNode } from '../plan.js';

export const planText = (name: string): string => readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8');

/** The root node of a captured plan (a fresh copy each call). */
export const fixture = (name: string): PlanNode => planRoot(JSON.parse(planText(name)))!;
