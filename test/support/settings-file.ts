import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HaloSettings } from '../../src/config/halo-settings';
import { loadSettings } from '../../src/config/load-settings';

/**
 * An operator file (HALO_CONFIG_FILE) holding `content` under one section, and a function that
 * loads the settings from it: it throws where the file breaks a rule.
 */
export function settingsWith(section: string, content: object): () => HaloSettings {
  const file = join(mkdtempSync(join(tmpdir(), `halo-${section}-config-`)), 'halo.json');
  writeFileSync(file, JSON.stringify({ [section]: content }));
  return () => loadSettings({ HALO_CONFIG_FILE: file });
}

/** An operator file (HALO_CONFIG_FILE) with these settings: its path, for an app's environment. */
export function configFile(content: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'halo-config-')), 'halo.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}
