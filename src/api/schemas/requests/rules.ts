/**
 * Rules shared by the request bodies' schemas (the master's input rules). Request schemas
 * live apart from the answers' (schemas/requests/): the app only takes their types, so no
 * page loads them; the contract tests run them (src/simulator/contract-requests.test.ts).
 */
import { masterText } from '../../../lib/options/master-text';
import { NAME_PATTERN } from '../../../lib/options/names';
import { z } from '../zod-mini';

/**
 * A string input the master takes: it turns unprintable characters into spaces and
 * strips ASCII blanks, and an empty result is "can't be blank" (docs/kontena-api.md §3.1).
 */
export const filledStringSchema = z.string().check(z.refine((text) => masterText(text) !== '', { message: "can't be blank" }));

/** The name rule of services and secrets, `/^(?!-)(\w|-)+$/` (docs/kontena-api.md §5, §4.9). */
export const nameInputSchema = z.string().check(z.regex(NAME_PATTERN, { message: "isn't in the right format" }));
