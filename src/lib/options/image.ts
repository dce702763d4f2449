import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';
import { brokenTextError } from './master-text';

/**
 * The CLI's `parse_image`: `:latest` is added when the string has no `:` at all. So
 * `redis` becomes `redis:latest`, while `registry:5000/app` is left alone (Docker reads
 * it as latest anyway). The master itself stores the image as sent.
 */
export function applyImageDefaultTag(image: string): string {
  return image.includes(':') ? image : `${image}:latest`;
}

/** An image reference typed by a user, with the CLI's default tag added. */
export function parseImage(raw: string): ParseResult<string> {
  const value = raw.trim();
  if (value === '') return fail('Image is required');
  const broken = brokenTextError(value);
  if (broken !== null) return fail(broken);
  if (/\s/.test(value)) return fail(`Invalid image '${shownValue(value)}': an image reference has no spaces`);
  // The master would store each run of control characters as a space.
  if (/\p{Cc}/u.test(value)) return fail(`Invalid image '${shownValue(value)}': an image reference has no control characters`);
  const image = applyImageDefaultTag(value);
  const withoutDigest = image.split('@')[0] ?? image;
  const repository = withoutDigest.replace(/:[^/:]*$/, '');
  if (/[A-Z]/.test(repository)) {
    return ok(image, `Docker repository names are lowercase: '${shownValue(value)}' will probably not be found`);
  }
  return ok(image);
}
