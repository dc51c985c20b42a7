import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const CHECK = resolve(__dirname, '../../tools/check-folder-cycles.js');

/** Runs the folder check on a source tree of `files` (path under src -> content). */
function checkTree(files: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'halo-folder-cycles-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
      writeFileSync(join(root, 'src', path), content);
    }
    const run = spawnSync(process.execPath, [CHECK, 'src'], { cwd: root, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Layered and acyclic: the lower layers import downwards, features import in one direction. */
const LAYERED: Record<string, string> = {
  'common/money.ts': `export const cents = 100;\n`,
  'config/settings.ts': `import { cents } from '../common/money';\nexport const settings = { cents };\n`,
  'database/columns.ts': `import { settings } from '../config/settings';\nexport const column = settings;\n`,
  'members/member.entity.ts': `import { column } from '../database/columns';\nexport class Member { c = column; }\n`,
  'purchases/purchase.ts': `import { Member } from '../members/member.entity';\nexport class Purchase { m = Member; }\n`,
  'cli/main.ts': `import { Purchase } from '../purchases/purchase';\nexport const run = Purchase;\n`,
  'app.module.ts': `import './cli/main';\nimport { Member } from './members/member.entity';\nexport const app = Member;\n`,
};

describe('tools/check-folder-cycles.js', () => {
  it('passes a layered tree without cycles', () => {
    expect(checkTree(LAYERED)).toEqual({ status: 0, output: '' });
  });

  it('fails a cycle between two features, naming an import for each edge', () => {
    const { status, output } = checkTree({
      ...LAYERED,
      'members/timeline.ts': `import type { Purchase } from '../purchases/purchase';\nexport type Row = Purchase;\n`,
    });
    expect(status).toBe(1);
    expect(output).toContain('Folder cycle: members -> purchases -> members');
    expect(output).toContain(
      "members -> purchases   (src/members/timeline.ts imports '../purchases/purchase')",
    );
    expect(output).toContain(
      "purchases -> members   (src/purchases/purchase.ts imports '../members/member.entity')",
    );
  });

  it('finds a longer cycle through re-exports and dynamic imports', () => {
    const { status, output } = checkTree({
      ...LAYERED,
      'events/index.ts': `export { Purchase } from '../purchases/purchase';\n`,
      'members/lazy.ts': `export const load = () => import('../events');\n`,
    });
    expect(status).toBe(1);
    expect(output).toContain('Folder cycle: events -> purchases -> members -> events');
    expect(output).toContain("members -> events   (src/members/lazy.ts imports '../events')");
  });

  it('fails every import against the layers', () => {
    const { status, output } = checkTree({
      ...LAYERED,
      'common/guard.ts': `import { Member } from '../members/member.entity';\nexport const guard = Member;\n`,
      'config/feature.ts': `import { Purchase } from '../purchases/purchase';\nexport const x = Purchase;\n`,
      'members/runner.ts': `import { run } from '../cli/main';\nexport const y = run;\n`,
    });
    expect(status).toBe(1);
    expect(output).toContain(
      "Layer violation: common -> members   (src/common/guard.ts imports '../members/member.entity')",
    );
    expect(output).toContain(
      "Layer violation: config -> purchases   (src/config/feature.ts imports '../purchases/purchase')",
    );
    expect(output).toContain(
      "Layer violation: members -> cli   (src/members/runner.ts imports '../cli/main')",
    );
    expect(output).not.toContain('Layer violation: database');
    expect(output).not.toContain('Layer violation: purchases');
  });

  it('ignores specs and imports from the composition root', () => {
    const { status } = checkTree({
      ...LAYERED,
      'common/money.spec.ts': `import { Member } from '../members/member.entity';\nvoid Member;\n`,
      'main.ts': `import { app } from './app.module';\nimport { cents } from './common/money';\nvoid [app, cents];\n`,
    });
    expect(status).toBe(0);
  });
});
