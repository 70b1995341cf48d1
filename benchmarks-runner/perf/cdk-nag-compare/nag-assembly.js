// Runs cdk-nag (AwsSolutions pack) over the templates of a cloud assembly: each stack template is loaded with
// CfnInclude into a CDK app, so cdk-nag checks exactly the resources `perflint check` reads (an equivalent app
// without the original construct tree). Prints one JSON object: timings, stacks, resources and findings.
//
// usage: node nag-assembly.js <cdk.out> [--no-nag]    (--no-nag: same load and synth, no rules: the baseline)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, Aspects, LegacyStackSynthesizer, Stack } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const started = process.hrtime.bigint();
const input = process.argv[2];
const withNag = !process.argv.includes('--no-nag');
if (!input || !fs.existsSync(path.join(input, 'manifest.json'))) {
  console.error('usage: node nag-assembly.js <cloud-assembly-dir> [--no-nag]');
  process.exit(2);
}

// Top-level stack templates of the assembly and of nested assemblies (stages).
function templates(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const found = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts || {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      found.push({ id, file: path.join(dir, artifact.properties.templateFile) });
    } else if (artifact.type === 'cdk:cloud-assembly') {
      found.push(...templates(path.join(dir, artifact.properties.directoryName)));
    }
  }
  return found;
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-out-'));
try {
  const app = new App({ outdir });
  let resources = 0;
  const stacks = templates(input);
  for (const t of stacks) {
    // The legacy synthesizer adds no BootstrapVersion parameter of its own (the included template has one).
    const stack = new Stack(app, t.id.replace(/[^A-Za-z0-9-]/g, '-'), { synthesizer: new LegacyStackSynthesizer() });
    const template = JSON.parse(fs.readFileSync(t.file, 'utf8'));
    resources += Object.keys(template.Resources || {}).length;
    // Cross-stack Fn::ImportValue stays a token; CDK bootstrap rules/parameters load as they are.
    new CfnInclude(stack, 'Template', { templateFile: t.file });
  }
  const loaded = process.hrtime.bigint();
  if (withNag) {
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: false }));
  }
  const assembly = app.synth();
  const done = process.hrtime.bigint();

  const findings = [];
  for (const stack of assembly.stacks) {
    for (const message of stack.messages) {
      const text = String(message.entry.data);
      const rule = text.split(':')[0].split('[')[0];
      if (message.level === 'error' || message.level === 'warning' || message.level === 'info') {
        findings.push({ rule, level: message.level, path: message.id });
      }
    }
  }
  const byRule = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] || 0) + 1;
  console.log(JSON.stringify({
    tool: withNag ? 'cdk-nag AwsSolutionsChecks' : 'CfnInclude + synth only',
    stacks: stacks.length,
    resources,
    loadMs: Number(loaded - started) / 1e6,
    synthAndRulesMs: Number(done - loaded) / 1e6,
    totalMs: Number(done - started) / 1e6,
    findings: findings.length,
    byRule,
    sample: findings.slice(0, 5),
  }, null, 1));
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
