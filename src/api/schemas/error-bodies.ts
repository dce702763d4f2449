import { z } from './zod-mini';

/** The mutations gem's nested errors: a string per plain field, an object per hash input, an array (null = valid element) per array input. */
export type FieldErrors = { [field: string]: FieldError };
export type FieldError = string | FieldErrors | (string | FieldErrors | null)[];

/** Also the whole 422 of `POST …/envs`, which has no wrapper: `{"env":"Env can't be nil"}`. */
export const fieldErrorsSchema: z.ZodMiniType<FieldErrors> = z.lazy(() => z.record(z.string(), fieldErrorSchema));
const fieldErrorSchema: z.ZodMiniType<FieldError> = z.lazy(() =>
  z.union([z.string(), fieldErrorsSchema, z.array(z.union([z.string(), fieldErrorsSchema, z.null()]))]),
);

/** 422 from a mutation: `{"error":{…}}`. */
export const wrappedValidationBodySchema = z.looseObject({ error: fieldErrorsSchema });

/** 403 from the auth middleware. */
export const invalidTokenBodySchema = z.looseObject({
  error: z.literal('invalid_token'),
  error_description: z.string(),
});

/** 403 from `load_grid` when the user is not a member. */
export const accessDeniedBodySchema = z.looseObject({ error: z.literal('Access denied') });

/** 404 bodies with content: `{"error":"Not found"}`, `{"error":"Stack not found"}`, and the bare `{}` of `/v1/stacks`. */
export const notFoundBodySchema = z.union([z.looseObject({ error: z.string() }), z.looseObject({})]);

/** 500 from an unhandled exception: the key is `message`, not `error`. */
export const serverErrorBodySchema = z.looseObject({ message: z.string() });

/** Any other `{"error": "..."}` body (400 Invalid json, 429, 503 Vault not configured, oauth2 errors). */
export const plainErrorBodySchema = z.looseObject({
  error: z.string(),
  error_description: z.optional(z.nullable(z.string())),
});
