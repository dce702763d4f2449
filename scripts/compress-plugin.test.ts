import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressDir, MIN_BYTES } from './compress-plugin';

describe("compressDir (the build's precompression)", () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a .br and a .gz beside each compressible file that decompress to it, and leaves the rest alone', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-compress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const js = `export const x = ${JSON.stringify('kontena '.repeat(2000))};`;
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), js);
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>dashboard</p>'.repeat(200)}`);
    fs.writeFileSync(path.join(dir, 'assets', 'tiny-abc.js'), 'export{}');
    fs.writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 1));
    // Left from an earlier build into the same folder: must not survive.
    fs.writeFileSync(path.join(dir, 'assets', 'tiny-abc.js.br'), 'stale');

    const results = await compressDir(dir);

    const js1 = fs.readFileSync(path.join(dir, 'assets', 'index-abc.js'));
    const br = fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.br'));
    const gz = fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.gz'));
    expect(zlib.brotliDecompressSync(br).equals(js1)).toBe(true);
    expect(zlib.gunzipSync(gz).equals(js1)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'index.html.gz'))).toBe(true);
    // Too small to be worth it, or not a compressible type.
    expect(fs.statSync(path.join(dir, 'assets', 'tiny-abc.js')).size).toBeLessThan(MIN_BYTES);
    expect(fs.existsSync(path.join(dir, 'assets', 'tiny-abc.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'assets', 'logo.png.br'))).toBe(false);
    expect(results.find((r) => r.file === 'assets/index-abc.js')).toEqual({
      file: 'assets/index-abc.js',
      size: js1.length,
      br: br.length,
      gzip: gz.length,
    });
  });
});
