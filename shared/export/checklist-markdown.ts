import type { ChecklistModel, ChecklistRow, RichText } from './checklist-model';

/** Escapes text for Markdown so that labels like "<number> <time unit>" print literally. */
export function mdText(text: string): string {
  // `&` matters only where it would start an entity such as `&lt;`.
  return text.replace(/[\\`*_[\]<#~]/g, (c) => `\\${c}`).replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;');
}

/** A Markdown code span that survives backticks inside the value. */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function mdBlock(text: string, indent: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [fence, ...text.split('\n'), fence].map((l) => `${indent}${l}`).join('\n');
}

function rich(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? mdText(part) : mdCode(part.code))).join('');
}

function row(r: ChecklistRow): string {
  const label = `**${mdText(r.label)}**`;
  switch (r.action) {
    case 'tick':
      return `- [ ] ${label}: tick`;
    case 'leave-unticked':
      return `- [ ] ${label}: leave unticked`;
    case 'leave-empty':
      return `- [ ] ${label}: leave empty`;
    case 'select':
      return `- [ ] ${label}: select ${mdCode(r.value ?? '')}`;
    case 'enter': {
      const value = r.value ?? '';
      const note = r.placeholder ? ' (secret not included; look it up where the placeholder says)' : r.secret ? ' (secret)' : '';
      return value.includes('\n') ? `- [ ] ${label}: enter${note}\n\n${mdBlock(value, '  ')}` : `- [ ] ${label}: enter ${mdCode(value)}${note}`;
    }
  }
}

/** The manual checklist as Markdown (GitHub task lists). */
export function renderChecklistMarkdown(model: ChecklistModel): string {
  const out: string[] = [
    `# Microsoft Graph Mail Single User: instance ${mdText(JSON.stringify(model.instanceName))}`,
    '',
    `Sign-in: ${mdText(model.modeTitle)}.`,
    '',
    !model.usesSecrets
      ? '> This sign-in method uses no secrets.'
      : model.secretsIncluded
      ? '> **This checklist contains secrets.** Keep it out of shared folders and tickets, and delete it once the instance works.'
      : '> Secrets are not included. Each secret box shows where its value is stored.',
    '',
    '## Before you start',
    '',
    ...model.before.map((s) => `- ${rich(s)}`),
    '',
    '## Instance dialog',
    '',
  ];
  for (const group of model.groups) {
    if (group.rows.length === 0) continue;
    out.push(`### ${mdText(group.title)}`, '', ...group.rows.map(row), '');
  }
  out.push('## After saving', '', ...model.afterSave.map((s, i) => `${i + 1}. ${rich(s)}`), '');
  return out.join('\n');
}
