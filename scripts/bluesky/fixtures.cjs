// Runs the Bluesky app's own composer counting over generated texts and writes the results as
// fixtures for hubgen's port (hubgen/channels/bluesky_text.py). Called by make.sh:
//
//   node fixtures.cjs <social-app checkout> <hubgen repository>
//
// The count is the composer's: social-app src/view/com/composer/state/composer.ts sets
// `shortenedGraphemeLength: shortenLinks(action.richtext).graphemeLength`, where the richtext
// comes from `new RichText({text})` + `detectFacetsWithoutResolution()`
// (src/view/com/composer/text-input/TextInput.tsx). `shortenLinks` and `toShortUrl` are read from
// the checkout (src/lib/strings/rich-text-manip.ts and url-helpers.ts), never copied.
'use strict'

const fs = require('fs')
const path = require('path')
const Module = require('module')
const ts = require('typescript')
const api = require('@atproto/api')
const TLDS = require('tlds')

const [socialApp, repo] = process.argv.slice(2)
const strings = path.join(socialApp, 'src/lib/strings')

function transpile(source) {
  return ts.transpileModule(source, {
    compilerOptions: {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020},
  }).outputText
}

function load(source, modules) {
  const m = new Module('social-app')
  m.require = name => {
    if (!(name in modules)) throw new Error(`social-app code imports ${name}`)
    return modules[name]
  }
  m._compile(transpile(source), 'social-app.js')
  return m.exports
}

// url-helpers.ts imports half the app; only `toShortUrl` (which needs nothing) is taken from it.
function extractFunction(source, name) {
  const start = source.indexOf(`export function ${name}(`)
  if (start < 0) throw new Error(`${name} not found`)
  const end = source.indexOf('\n}\n', start)
  return source.slice(start, end + 3)
}

const urlHelpers = fs.readFileSync(path.join(strings, 'url-helpers.ts'), 'utf8')
const {toShortUrl} = load(extractFunction(urlHelpers, 'toShortUrl'), {})
const {shortenLinks} = load(fs.readFileSync(path.join(strings, 'rich-text-manip.ts'), 'utf8'), {
  '@atproto/api': api,
  './url-helpers': {toShortUrl},
})

function composerView(text) {
  const rt = new api.RichText({text})
  rt.detectFacetsWithoutResolution()
  const shortened = shortenLinks(rt)
  return {length: shortened.graphemeLength, display: shortened.text}
}

// --- generated texts (a fixed seed: the same corpus on every run) -------------------------------

let seed = 20261202
function random() {  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = items => items[Math.floor(random() * items.length)]
const chance = p => random() < p

const WORDS = [
  'Energiewende', 'Grüße', 'Straße', 'Bürgerinnen', 'Öffnungszeiten', 'über', 'Windkraft', 'und',
  'der', 'Solarpark', 'Husum', 'geht', 'ans', 'Netz', 'news', 'the', 'plant', 'opens', 'today',
  'Mehr:', 'Info', 'z.B.', 'e.g.', 'u.a.', 'Nr.', '3.5', 'v1.2.3', '10.000', 'ca.', 'www', 'Ä',
  'résumé', 'naïve', 'e\u0301', 'Zoë', 'co-op', 'x.y', 'Mr.Smith', 'file.pdf', 'bild.jpg',
  '再生可能エネルギー', '风能发电', '한국어', 'طاقة', 'Ελλάδα', 'Россия', 'हिन्दी', 'ไทย',
  '🌞', '👍🏽', '👨‍👩‍👧‍👦', '🇩🇪', '❤️', '🧑‍🤝‍🧑', '1️⃣', '❤️‍🔥', '🫶🏽', '⚡',
  '@lena.bsky.social', '@nordlicht.de', '@x', '(@handle.com)', '@stadtwerke.example',
  '#Energiewende', '#Husum2026', '$TSLA', '#️⃣', 'mail@nordlicht.de',
]
const SCHEMES = ['https://', 'https://', 'https://', 'http://', 'HTTPS://', 'Https://', 'http:/',
  'https:', 'ftp://', 'mailto:']
const HOSTS = [
  'nordlicht-energie.de', 'www.stadtwerke-husum.de', 'example.com', 'sub.domain.example.org',
  'bücher.de', 'Bücher.DE', '例え.jp', 'straße.de', 'xn--bcher-kva.de', 'EXAMPLE.COM',
  'nordlicht.energy', 'a.b.c.solar', 'localhost', '192.168.0.1', '0x7f.1', '[::1]',
  'bsky.app', 'go.bsky.app', 'very-long-domain-name-for-testing.com', 'user:pw@example.com',
  'example.com:8080', 'example.com:443', 'example.com:80', 'a_b.example.com', 'ex%41mple.com',
  'ａｂｃ.com', 'nordlicht.berlin', 'x.co', 'y.tv', 'sport.immobilien',
]
const PATHS = ['', '', '/', '/a', '/presse', '/presse/2026/solarpark-husum-geht-ans-netz',
  '/über-uns', '/a/../b', '/./x', '/%7Euser', '/path_(x)', '/wiki/Foo_(bar)', '/日本/語',
  '/a b', '/x^y', '/{x}', '/`q`', '/"q"', '/<b>', '/ab/cd/ef/gh/ij', '/123456789012345',
  '/1234567890123456', '/foo//bar', '/a\\b', '/~user/index.html', '/%zz', '/ä%C3%A4']
const QUERIES = ['', '', '', '?utm_source=bluesky&utm_medium=social', '?q=ä', '?', '?a=1',
  "?x='y'", '?q=a+b&c=d', '?back=https://x.com']
const FRAGMENTS = ['', '', '', '#top', '#', '#ü', '#a`b', '#section-2']
const BARE = ['nordlicht.de', 'nordlicht.de/presse', 'Nordlicht.DE', 'nordlicht.De/x',
  'example.invalid', 'foo.bar', 'bsp.example', 'solarpark.energy', 'a.co', 'httpbin.org/get',
  'http.foo', 'www.nordlicht.berlin/x?y=1', 'stadtwerke.test', 'name.local', 'x.y.zz',
  'kommune.gov/ä', 'nordlicht.de/über', 'nordlicht.de/日本', 'a.de/ö', 'bild.jpg', 'site.com.jpg',
  'website.com.jpg/foo', 'e.g./foo', 'not..a..url', 'a1.b2', '1a.com', 'abc.xn--p1ai',
  'wiki.org/Foo_(bar)', 'bücher.de', 'shop.amazon', 'sub.example.co.uk/path', 'x.com/' + 'y'.repeat(40)]
const TRAIL = ['', '', '', '', '.', ',', '!', '?', ':', ';', ')', '.)', '),', '...', '!?', '"', "'"]
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', '  ', '\t', '\u00a0', '\u3000', '\n\n', ' (', '(',
  ', ', '\u2028', '\r\n']

function url() {
  let u = pick(HOSTS) + pick(PATHS) + pick(QUERIES) + pick(FRAGMENTS)
  if (chance(0.9)) u = pick(SCHEMES) + u
  return u
}

function token() {
  const r = random()
  if (r < 0.45) return pick(WORDS)
  if (r < 0.75) return url() + pick(TRAIL)
  if (r < 0.92) return pick(BARE) + pick(TRAIL)
  if (r < 0.96) return '(' + (chance(0.5) ? url() : pick(BARE)) + ')' + pick(TRAIL)
  return pick(WORDS).repeat(1 + Math.floor(random() * 5))
}

function text() {
  const n = 1 + Math.floor(random() * (chance(0.1) ? 40 : 12))
  let t = chance(0.05) ? pick(SEPARATORS) : ''
  for (let i = 0; i < n; i++) t += (i ? pick(SEPARATORS) : '') + token()
  if (chance(0.05)) t += pick(SEPARATORS)
  if (chance(0.01)) t = '\ufeff' + t
  return t
}

const texts = new Set()
while (texts.size < 2400) texts.add(text())

const cases = [...texts].map(t => ({text: t, ...composerView(t)}))
const out = {
  about: 'Generated by scripts/bluesky/make.sh: the Bluesky composer counter ' +
    '(shortenLinks(RichText + detectFacetsWithoutResolution).graphemeLength) over generated texts.',
  versions: {
    '@atproto/api': require('@atproto/api/package.json').version,
    tlds: require('tlds/package.json').version,
    node: process.version,
    social_app: 'src/lib/strings/url-helpers.ts toShortUrl, src/lib/strings/rich-text-manip.ts shortenLinks',
  },
  cases,
}
fs.writeFileSync(path.join(repo, 'tests/channels/fixtures/bluesky_length.json'),
  JSON.stringify(out, null, 0).replace(/\{"text"/g, '\n{"text"') + '\n')
fs.writeFileSync(path.join(repo, 'hubgen/channels/bluesky_tlds.json'),
  JSON.stringify({source: `npm tlds ${require('tlds/package.json').version}`, tlds: TLDS}) + '\n')
console.log(`${cases.length} cases, ${TLDS.length} TLDs`)
