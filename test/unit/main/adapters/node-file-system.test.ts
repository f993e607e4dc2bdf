import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../../main/adapters/node-file-system';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('NodeFileSystem.writeFileAtomic', () => {
  it('writes the content with mode 0600 and leaves no temp file', async () => {
    const fs = new NodeFileSystem();
    const path = join(dir, 'settings.json');
    await fs.writeFileAtomic(path, '{"a":1}');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('replaces an existing file and tightens its mode', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await new NodeFileSystem().writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('rejects and cleans up its temp file when the final rename fails', async () => {
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(new NodeFileSystem().writeFileAtomic(target, 'next')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['occupied']);
    expect(await readdir(target)).toEqual(['child']);
  });

  it('reads text and reports a missing file as null', async () => {
    const fs = new NodeFileSystem();
    expect(await fs.readTextFile(join(dir, 'missing.json'))).toBeNull();
    await writeFile(join(dir, 'x.txt'), 'hello');
    expect(await fs.readTextFile(join(dir, 'x.txt'))).toBe('hello');
  });
});
