// Structural checks of terraform/ (see .ci/terraform-check). Parses every .tf file with a real HCL parser
// (@cdktf/hcl2json) and checks the rules below. `--self-test` also applies every broken variant in
// .ci/terraform-fixtures/ and proves each one makes exactly its rule fail.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [, , toolsDir, repoDir, ...flags] = process.argv;
const require = createRequire(path.join(path.resolve(toolsDir), 'noop.js'));
const { parse } = require('@cdktf/hcl2json');

const TF_DIR = path.join(repoDir, 'terraform');
const JAVA_DIR = path.join(repoDir, 'src', 'main', 'java');
const FIXTURES = path.join(repoDir, '.ci', 'terraform-fixtures');
const PENDING_FILE = path.join(repoDir, '.ci', 'terraform-check.pending-handlers');
const HANDLER_CLASS = 'io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest';
// Settings every function needs in Lambda, where config/application.properties is absent and defaults would
// pick a per-instance /tmp DuckDB or no password: [alternatives..., why].
const REQUIRED_ENV = [
  [['QUARKUS_LAMBDA_HANDLER'], 'picks the @Named handler of the one artifact'],
  [['HEAVYDB_URL', 'HEAVY_INGEST_HEAVYDB_URL'], 'both functions must use the same HeavyDB, never a /tmp DuckDB'],
  [['HEAVY_INGEST_HEAVYDB_PASSWORD_SECRET_ARN'], 'the HeavyDB password is read from Secrets Manager'],
];
const IAM_POLICY_ATTRS = ['policy', 'assume_role_policy'];

// ---------- model ----------

async function loadModel(files) {
  const model = { resource: {}, data: {}, ephemeral: {}, variable: {}, locals: {}, output: {}, module: {}, files: {} };
  for (const [name, text] of Object.entries(files)) {
    let json;
    try {
      json = await parse(name, text);
    } catch (e) {
      throw new Error(`${name}: not valid HCL: ${e.message || e}`);
    }
    model.files[name] = json;
    for (const kind of ['resource', 'data', 'ephemeral']) {
      for (const [type, byName] of Object.entries(json[kind] || {})) {
        for (const [n, bodies] of Object.entries(byName)) {
          (model[kind][type] ??= {})[n] = { body: bodies[0], file: name };
        }
      }
    }
    for (const kind of ['variable', 'output', 'module']) {
      for (const [n, bodies] of Object.entries(json[kind] || {})) model[kind][n] = { body: bodies[0], file: name };
    }
    for (const block of json.locals || []) {
      for (const [n, v] of Object.entries(block)) model.locals[n] = { value: v, file: name };
    }
  }
  return model;
}

function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

function resources(model, type) {
  return Object.entries(model.resource[type] || {}).map(([name, r]) => ({ name, ...r }));
}

function resolveLocal(model, s) {
  const m = typeof s === 'string' && s.match(/^\$\{local\.(\w+)\}$/);
  if (!m) return s;
  const v = model.locals[m[1]]?.value;
  return typeof v === 'string' && !v.includes('${') ? v : s;
}

const refName = (s) => {
  const m = typeof s === 'string' && s.match(/^\$\{([\w.]+?)\}$/);
  return m ? m[1] : null;
};

// ---------- rules ----------

const rules = {
  references(model, fail) {
    for (const [file, json] of Object.entries(model.files)) {
      for (const text of strings(json)) {
        if (!text.includes('${')) continue;
        {
          for (const m of text.matchAll(/(?<![\w.])(var|local|data|ephemeral|module)\.(\w+)(?:\.(\w+))?/g)) {
            const [, kind, a, b] = m;
            if (kind === 'var' && !model.variable[a]) fail(`${file}: var.${a} is not declared`);
            if (kind === 'local' && !model.locals[a]) fail(`${file}: local.${a} is not defined`);
            if (kind === 'data' && !model.data[a]?.[b]) fail(`${file}: data.${a}.${b} is not defined`);
            if (kind === 'ephemeral' && !model.ephemeral[a]?.[b]) fail(`${file}: ephemeral.${a}.${b} is not defined`);
            if (kind === 'module' && !model.module[a]) fail(`${file}: module.${a} is not defined`);
          }
          for (const m of text.matchAll(/(?<![\w.])((?:aws|random)_\w+)\.(\w+)/g)) {
            if (!model.resource[m[1]]?.[m[2]]) fail(`${file}: resource ${m[1]}.${m[2]} is not defined`);
          }
        }
      }
    }
  },

  notification(model, fail) {
    const notes = resources(model, 'aws_s3_bucket_notification');
    if (notes.length !== 1) return fail(`exactly one aws_s3_bucket_notification expected, found ${notes.length}`);
    const n = notes[0].body;
    const deps = new Set((n.depends_on || []).map(refName));
    const s3Permissions = resources(model, 'aws_lambda_permission')
      .filter((p) => String(p.body.principal).startsWith('s3.'))
      .map((p) => `aws_lambda_permission.${p.name}`);
    if ((n.lambda_function || []).length && !s3Permissions.length) fail('notification invokes a function but no aws_lambda_permission lets S3 do so');
    for (const p of s3Permissions) if (!deps.has(p)) fail(`aws_s3_bucket_notification must depend_on ${p}`);
    for (const q of n.queue || []) {
      const queue = (refName(q.queue_arn) || '').replace(/\.arn$/, '');
      const policies = resources(model, 'aws_sqs_queue_policy').filter((p) => refName(p.body.queue_url) === `${queue}.id`);
      if (!policies.length) fail(`notification sends to ${queue} but no aws_sqs_queue_policy allows it`);
      for (const p of policies) if (!deps.has(`aws_sqs_queue_policy.${p.name}`)) fail(`aws_s3_bucket_notification must depend_on aws_sqs_queue_policy.${p.name}`);
    }
    const targets = [...(n.queue || []), ...(n.lambda_function || []), ...(n.topic || [])]
      .map((t) => ({ prefix: resolveLocal(model, t.filter_prefix ?? ''), suffix: t.filter_suffix ?? '' }));
    const has = (prefix, suffix) => targets.some((t) => t.prefix === prefix && t.suffix === suffix);
    for (const [p, s] of [['incoming/', '.csv'], ['incoming/', '.csv.gz'], ['manifests/', '.json']]) {
      if (!has(p, s)) fail(`notification lacks a target for ${p}*${s}`);
    }
    for (const t of targets) {
      if (!t.prefix || t.prefix.startsWith('reports/') || 'reports/'.startsWith(t.prefix)) {
        fail(`notification filter "${t.prefix}*${t.suffix}" would let written reports trigger a function`);
      }
    }
  },

  publicAccess(model, fail) {
    const blocks = resources(model, 'aws_s3_public_access_block').concat(resources(model, 'aws_s3_bucket_public_access_block'));
    for (const b of resources(model, 'aws_s3_bucket')) {
      const mine = blocks.filter((p) => refName(p.body.bucket) === `aws_s3_bucket.${b.name}.id`);
      if (!mine.length) fail(`aws_s3_bucket.${b.name} has no public access block`);
      for (const p of mine) {
        for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
          if (p.body[k] !== true) fail(`aws_s3_bucket_public_access_block.${p.name}: ${k} must be true`);
        }
      }
    }
  },

  tlsOnly(model, fail) {
    for (const b of resources(model, 'aws_s3_bucket')) {
      const policies = resources(model, 'aws_s3_bucket_policy').filter((p) => refName(p.body.bucket) === `aws_s3_bucket.${b.name}.id`);
      const ok = policies.some((p) => statementsOf(model, p.body.policy).some((st) =>
        st.effect === 'Deny' && st.conditions.some((c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && c.values.includes('false'))));
      if (!ok) fail(`aws_s3_bucket.${b.name} has no bucket policy denying requests without TLS (aws:SecureTransport = false)`);
    }
  },

  noWildcardAllow(model, fail) {
    const check = (where, st) => {
      if (st.effect !== 'Allow') return;
      if (st.notActions.length) fail(`${where}: an Allow with not_actions/NotAction grants everything else`);
      for (const a of st.actions) if (a.includes('*')) fail(`${where}: wildcard action "${a}" in an Allow statement`);
    };
    for (const [name, d] of Object.entries(model.data.aws_iam_policy_document || {})) {
      for (const st of documentStatements(d.body)) check(`data.aws_iam_policy_document.${name}`, st);
    }
    for (const [type, byName] of Object.entries(model.resource)) {
      for (const [name, r] of Object.entries(byName)) {
        for (const attr of IAM_POLICY_ATTRS) {
          if (r.body[attr] === undefined) continue;
          const v = r.body[attr];
          if (/^\$\{data\.aws_iam_policy_document\.\w+\.json\}$/.test(v)) continue;
          const literal = jsonPolicy(v);
          if (!literal) fail(`${type}.${name}.${attr}: write policies as aws_iam_policy_document or literal JSON so they can be checked`);
          else for (const st of literal) check(`${type}.${name}.${attr}`, st);
        }
        if (type === 'aws_iam_role_policy_attachment' || type === 'aws_iam_policy_attachment' || r.body.managed_policy_arns) {
          fail(`${type}.${name}: managed policies cannot be checked for wildcard actions; write the statements out`);
        }
      }
    }
  },

  handlers(model, fail, ctx) {
    const found = ctx.javaHandlers;
    for (const f of resources(model, 'aws_lambda_function')) {
      const where = `aws_lambda_function.${f.name}`;
      if (resolveLocal(model, f.body.handler) !== HANDLER_CLASS) fail(`${where}: handler must be ${HANDLER_CLASS}`);
      const names = [...new Set(envAssignments(model, f.body).filter(([k]) => k === 'QUARKUS_LAMBDA_HANDLER').map(([, v]) => v))];
      if (names.length !== 1) { fail(`${where}: QUARKUS_LAMBDA_HANDLER must be set to one literal name (found ${JSON.stringify(names)})`); continue; }
      const name = names[0];
      if (found.has(name)) {
        if (ctx.pending.has(name)) ctx.notes.add(`handler "${name}" now exists in src/main/java: remove it from ${path.relative(repoDir, PENDING_FILE)}`);
      } else if (ctx.pending.has(name)) {
        ctx.notes.add(`handler "${name}" (${where}) is not in src/main/java yet; accepted because ${path.relative(repoDir, PENDING_FILE)} lists it`);
      } else {
        fail(`${where}: QUARKUS_LAMBDA_HANDLER "${name}" names no @Named handler in src/main/java (found: ${[...found].join(', ') || 'none'})`);
      }
    }
  },

  requiredSettings(model, fail) {
    for (const f of resources(model, 'aws_lambda_function')) {
      const env = envAssignments(model, f.body);
      const keys = new Set(env.map(([k]) => k));
      for (const [alternatives, why] of REQUIRED_ENV) {
        if (!alternatives.some((k) => keys.has(k))) fail(`aws_lambda_function.${f.name}: ${alternatives.join(' or ')} must be set (${why})`);
      }
      for (const [k, v] of env) {
        if (/PASSWORD/.test(k) && !/SECRET_ARN$/.test(k)) fail(`aws_lambda_function.${f.name}: ${k} puts a password in the environment; use the secret ARN`);
        if (/HEAVYDB_URL$/.test(k) && /^heavydb:\/\/[^/@]*:[^/@]*@/.test(v)) fail(`aws_lambda_function.${f.name}: ${k} carries a password`);
      }
    }
  },

  secretOutOfState(model, fail) {
    for (const [name, r] of Object.entries(model.resource.aws_secretsmanager_secret_version || {})) {
      if (r.body.secret_string !== undefined || r.body.secret_binary !== undefined) {
        fail(`aws_secretsmanager_secret_version.${name}: secret_string/secret_binary land in state; use secret_string_wo`);
      }
    }
    if (model.resource.random_password) fail('resource "random_password" keeps its result in state; use ephemeral "random_password"');
    for (const [name, o] of Object.entries(model.output)) {
      const text = [...strings(o.body.value)].join(' ');
      if (/ephemeral\.|random_password|secret_string|aws_secretsmanager_secret_version|password/i.test(text.replace(/password_secret_arn/g, ''))) {
        fail(`output.${name} exposes the password or its source (${text})`);
      }
    }
  },
};

function envAssignments(model, fnBody) {
  const out = [];
  for (const env of fnBody.environment || []) {
    const v = env.variables;
    if (v && typeof v === 'object') for (const [k, val] of Object.entries(v)) out.push([k, String(val)]);
    else if (typeof v === 'string') {
      for (const m of v.matchAll(/local\.(\w+)/g)) {
        const l = model.locals[m[1]]?.value;
        if (l && typeof l === 'object') for (const [k, val] of Object.entries(l)) out.push([k, String(val)]);
      }
      for (const m of v.matchAll(/^\s*"?([A-Z][A-Z0-9_]*)"?\s*=\s*"([^"]*)"/gm)) out.push([m[1], m[2]]);
    }
  }
  return out;
}

function normalizeStatement(st) {
  const list = (x) => (x === undefined ? [] : Array.isArray(x) ? x.flat() : [x]);
  return {
    effect: st.effect ?? st.Effect ?? 'Allow',
    actions: list(st.actions ?? st.Action).map(String),
    notActions: list(st.not_actions ?? st.NotAction).map(String),
    conditions: (st.condition || []).map((c) => ({ test: c.test, variable: c.variable, values: list(c.values).map(String) }))
      .concat(Object.entries(st.Condition || {}).flatMap(([test, kv]) => Object.entries(kv).map(([variable, values]) => ({ test, variable, values: list(values).map(String) })))),
  };
}

function documentStatements(body) {
  const direct = body.statement || [];
  const dynamic = (body.dynamic?.statement || []).flatMap((d) => d.content || []);
  return [...direct, ...dynamic].map(normalizeStatement);
}

function statementsOf(model, policyValue) {
  const m = typeof policyValue === 'string' && policyValue.match(/^\$\{data\.aws_iam_policy_document\.(\w+)\.json\}$/);
  if (m) {
    const d = model.data.aws_iam_policy_document?.[m[1]];
    return d ? documentStatements(d.body) : [];
  }
  return jsonPolicy(policyValue) || [];
}

function jsonPolicy(v) {
  if (typeof v !== 'string' || v.includes('${')) return null;
  try {
    const doc = JSON.parse(v);
    return [].concat(doc.Statement || []).map(normalizeStatement);
  } catch {
    return null;
  }
}

// ---------- Java handlers ----------

function javaHandlers(dir) {
  const names = new Set();
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.java')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/@Named\(\s*"([^"]+)"\s*\)\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:public\s+|final\s+|abstract\s+)*class\s+\w+[^{]*\bimplements\b[^{]*\b(RequestHandler|RequestStreamHandler)\b/g)) {
          names.add(m[1]);
        }
      }
    }
  };
  walk(dir);
  return names;
}

function pendingHandlers() {
  if (!fs.existsSync(PENDING_FILE)) return new Set();
  return new Set(fs.readFileSync(PENDING_FILE, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
}

// ---------- running ----------

function tfFiles() {
  const files = {};
  for (const f of fs.readdirSync(TF_DIR).filter((f) => f.endsWith('.tf')).sort()) files[f] = fs.readFileSync(path.join(TF_DIR, f), 'utf8');
  return files;
}

async function check(files, ctx) {
  const failures = [];
  let model;
  try {
    model = await loadModel(files);
  } catch (e) {
    return [{ rule: 'parse', message: e.message }];
  }
  for (const [rule, fn] of Object.entries(rules)) fn(model, (message) => failures.push({ rule, message }), ctx);
  return failures;
}

function applyFixture(files, fixture, fixtureName) {
  const out = { ...files };
  for (const e of fixture.edits) {
    if (e.newFile) { out[e.file] = e.newFile; continue; }
    if (!(e.file in out)) throw new Error(`fixture ${fixtureName}: no file ${e.file}`);
    if (!out[e.file].includes(e.find)) throw new Error(`fixture ${fixtureName}: ${e.file} no longer contains ${JSON.stringify(e.find)}; update the fixture`);
    out[e.file] = out[e.file].replace(e.find, e.replace);
  }
  return out;
}

const started = Date.now();
const ctx = { javaHandlers: javaHandlers(JAVA_DIR), pending: pendingHandlers(), notes: new Set() };
const files = tfFiles();
const failures = await check(files, ctx);
for (const n of ctx.notes) console.log(`note: ${n}`);
for (const f of failures) console.log(`FAIL [${f.rule}] ${f.message}`);
let failed = failures.length > 0;
console.log(`terraform structure: ${Object.keys(files).length} files, ${Object.keys(rules).length} rules, ${failures.length} failures`);

if (flags.includes('--self-test')) {
  let passed = 0;
  let wrong = 0;
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  const covered = new Set();
  for (const name of fixtures) {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
    let got;
    try {
      got = await check(applyFixture(files, fixture, name), { ...ctx, notes: new Set() });
    } catch (e) {
      console.log(`FAIL fixture ${name}: ${e.message}`);
      wrong++;
      continue;
    }
    const rulesHit = [...new Set(got.map((f) => f.rule))];
    const saysIt = !fixture.message || got.some((f) => f.message.includes(fixture.message));
    if (rulesHit.length === 1 && rulesHit[0] === fixture.rule && saysIt) {
      passed++;
      covered.add(fixture.rule);
      console.log(`ok   fixture ${name}: fails ${fixture.rule} (${(got.find((f) => !fixture.message || f.message.includes(fixture.message)) || got[0]).message})`);
    } else {
      wrong++;
      console.log(`FAIL fixture ${name}: expected only rule ${fixture.rule} to fail, got ${JSON.stringify(got)}`);
    }
  }
  for (const r of Object.keys(rules)) if (!covered.has(r)) { wrong++; console.log(`FAIL no fixture breaks rule ${r}`); }
  console.log(`fixtures: ${passed} passed, ${wrong} failed`);
  failed ||= wrong > 0;
}
console.log(`(${Date.now() - started} ms)`);
process.exit(failed ? 1 : 0);
