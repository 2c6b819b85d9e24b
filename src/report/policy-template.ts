// `jiuzhu init`: a policy file to fill in for a locality of one's own (an author's trial found no template: the bundled
// policies are 560–620 lines of another place's values, and a file with the standards alone gave 49 "missing
// parameter" errors at one line). Every canonical parameter (core/parameters/schema.ts) in its place, with what its
// value is; each value left empty (~), so `jiuzhu validate` lists at its line every value still to give, and no other
// locality's number is ever run by mistake. Pure: the command writes the text.
import { PARAMS, PLACEHOLDER_POLICY, PLACEHOLDER_SOURCE, type ParamSpec } from '../core/parameters/schema.js';
import { expectedOf } from '../core/parameters/author-hints.js';

interface Branch {
  readonly children: Map<string, Branch | ParamSpec>;
}

export function policyTemplate(o: { readonly id: string; readonly from: string }): string {
  const root: Branch = { children: new Map() };
  for (const spec of PARAMS) {
    const parts = spec.path.split('.');
    let at = root;
    for (const part of parts.slice(0, -1)) {
      let next = at.children.get(part) as Branch | undefined;
      if (!next) at.children.set(part, (next = { children: new Map() }));
      at = next;
    }
    at.children.set(parts.at(-1)!, spec);
  }
  const out = [
    `# A jiuzhu policy for one locality: every canonical parameter (README "Policies"), each with what its value is.`,
    `# Give each \`value: ~\` its value from the document that set it, from the date it took effect (\`from\`), with the`,
    `# source's id and, best, its clause (clause: 第五条); a value no document gives is an \`estimate:\` (its basis) with a \`range:\``,
    `# {low, high, basis}. A value that changed gets one more dated entry below the first. Then:`,
    `#   npx jiuzhu validate --policy ${o.id}.yaml        (every value still to give is listed at its line)`,
    `# The commented-out parameters are optional: their comment says what holds without them.`,
    `policy: ${o.id}`,
    `name: {zh: ${PLACEHOLDER_POLICY.zh}, en: ${PLACEHOLDER_POLICY.en}}`,
    'description: >-',
    `  ${PLACEHOLDER_POLICY.description}`,
    '',
    'sources:',
    '  my-doc:',
    `    title: ${PLACEHOLDER_SOURCE.title}`,
    `    url: ${PLACEHOLDER_SOURCE.url}   # or file: the document kept beside this file`,
    `    date: ${o.from}`,
    '    grade: A          # A official, B media, C other (for a url)',
    '',
    'parameters:',
  ];
  // A parameter that may be left out is commented out, and a branch of nothing else with it (else: an empty mapping)
  const optional = (n: Branch | ParamSpec): boolean =>
    'children' in n ? [...n.children.values()].every(optional) : Boolean(n.default ?? n.optional);
  const walk = (b: Branch, indent: string, off: boolean) => {
    for (const [name, node] of b.children) {
      if ('children' in node) {
        const all = off || optional(node);
        out.push(`${indent}${all ? '# ' : ''}${name}:`);
        walk(node, `${indent}  `, all);
        continue;
      }
      leaf(name, node, indent, off);
    }
  };
  const leaf = (name: string, node: ParamSpec, indent: string, branchOff: boolean) => {
    {
      const off = node.default
        ? `optional: without it, ${node.default.value} (${node.default.basis})`
        : node.optional
          ? `only when ${node.optional.when} is ${node.optional.equals}`
          : null;
      const entry = `- {from: ${o.from}, value: ~, source: my-doc}`;
      const hash = off || branchOff ? '# ' : '';
      out.push(`${indent}# ${node.zh} · ${node.en} · ${expectedOf(node)}${off ? ` — ${off}` : ''}`);
      out.push(`${indent}${hash}${name}:`, `${indent}${hash}  ${entry}`);
    }
  };
  walk(root, '  ', false);
  return out.join('\n') + '\n';
}
