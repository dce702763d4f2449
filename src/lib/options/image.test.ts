import { describe, expect, it } from 'vitest';
import { applyImageDefaultTag, parseImage } from './image';

describe('parseImage (the CLI parse_image)', () => {
  it.each([
    ['redis', 'redis:latest'],
    ['redis:3.2', 'redis:3.2'],
    ['library/redis', 'library/redis:latest'],
    // Any ':' counts as a tag, so a registry port stops the default tag.
    ['registry:5000/app', 'registry:5000/app'],
    ['registry:5000/app:1.0', 'registry:5000/app:1.0'],
    ['app@sha256:abc123', 'app@sha256:abc123'],
    [' nginx ', 'nginx:latest'],
  ])('%j → %j', (value, image) => {
    expect(parseImage(value)).toEqual({ ok: true, value: image });
  });

  it.each([
    ['', 'Image is required'],
    ['my image', "Invalid image 'my image': an image reference has no spaces"],
  ])('%j → %s', (value, error) => {
    expect(parseImage(value)).toEqual({ ok: false, error });
  });

  it('warns about an uppercase repository', () => {
    expect(parseImage('MyApp:1.0')).toEqual({
      ok: true,
      value: 'MyApp:1.0',
      warning: "Docker repository names are lowercase: 'MyApp:1.0' will probably not be found",
    });
    expect(parseImage('app:V1')).toEqual({ ok: true, value: 'app:V1' });
  });

  it('adds the default tag without checking anything else', () => {
    expect(applyImageDefaultTag('x')).toBe('x:latest');
    expect(applyImageDefaultTag('x:1')).toBe('x:1');
  });
});
