/** What came back in a response body, read once as text. */
export interface ResponseBody {
  text: string;
  /** The parsed JSON, or undefined when the body is empty or not JSON. */
  json: unknown;
  shape: 'empty' | 'json' | 'html' | 'text';
}

export function interpretBody(text: string): ResponseBody {
  const trimmed = text.trim();
  if (trimmed === '') return { text, json: undefined, shape: 'empty' };
  try {
    return { text, json: JSON.parse(trimmed) as unknown, shape: 'json' };
  } catch {
    return { text, json: undefined, shape: /^<(!doctype|html|head|body|\?xml|[a-z])/i.test(trimmed) ? 'html' : 'text' };
  }
}

export function describeNonJson(body: ResponseBody): string {
  switch (body.shape) {
    case 'empty':
      return 'an empty body';
    case 'html':
      return 'an HTML page instead of JSON (probably from a proxy in front of the master)';
    case 'text':
      return 'a body that is not JSON';
    case 'json':
      return 'JSON';
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
