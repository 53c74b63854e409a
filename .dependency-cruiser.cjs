/**
 * The import direction of the house (shared DESIGN.md, "The house"), checked by
 * test/unit/architecture/imports.test.ts on every `npm test`:
 *   protocol/   imports nothing of ours
 *   devchain/   protocol/ only (the engine never imports modules/, components/, server/, .vuepress/)
 *   modules/<id>/spec.ts   protocol/ only, and the isomorphic parts it is split into (modules/<id>/spec/);
 *                          the registry files (modules/*.ts) also specs
 *   modules/<id>/ engine files (rules.ts and what it uses)   protocol/, devchain/, its own folder, modules/tokens/
 *   modules/<id>/*.vue panels   protocol/, components/, module specs (never rules or the engine)
 *   components/ protocol/ and modules/ specs (through the registry), never the engine or rules
 *   server/     protocol/, devchain/, modules/
 * and no import circles, type-only imports included.
 */
const OURS_BUT_PROTOCOL = '^(devchain|modules|components|server|\\.vuepress|scripts|bench|test)/'
const ENGINE_SIDE = '^(devchain/|modules/[^/]+/(?!spec\\.ts$)[^/]+\\.(ts|mjs)$|modules/loadRules\\.ts$)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles, type-only ones included, tie files that should be separable.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'protocol-imports-nothing-of-ours',
      severity: 'error',
      comment: 'protocol/ is the isomorphic contract: browser and Node, engine and pages all read it.',
      from: { path: '^protocol/' },
      to: { path: OURS_BUT_PROTOCOL },
    },
    {
      name: 'devchain-imports-protocol-only',
      severity: 'error',
      comment: 'The engine knows no module: the composition roots hand it the registry\'s rules.',
      from: { path: '^devchain/' },
      to: { path: '^(modules|components|server|\\.vuepress|scripts|bench|test)/' },
    },
    {
      name: 'spec-imports-protocol-only',
      severity: 'error',
      comment: 'A module spec is light and isomorphic: pages load it eagerly. A large one splits into modules/<id>/spec/.',
      from: { path: '^modules/([^/]+)/spec(\\.ts|/[^/]+\\.ts)$' },
      to: { path: '^(devchain|modules|components|server|\\.vuepress|scripts|bench|test)/', pathNot: '^modules/$1/spec/' },
    },
    {
      name: 'registry-imports-specs',
      severity: 'error',
      comment: 'modules/index.ts, registry.ts, catalog.ts and decode.ts are read by pages: specs and protocol only.',
      from: { path: '^modules/(index|registry|catalog|decode)\\.ts$' },
      to: { path: '^(devchain|components|server|\\.vuepress)/|^modules/[^/]+/(?!spec\\.ts$)[^/]+$' },
    },
    {
      name: 'rules-import-protocol-devchain-and-own-folder',
      severity: 'error',
      comment: 'A module\'s engine half (rules.ts and its helpers) runs inside the engine. Token accounting is the one shared part: komodod links CCtokens.cpp into every module that holds tokens (Assets, Gateways, Heir, Channels), so engine halves may also use modules/tokens/.',
      from: { path: '^modules/([^/]+)/(?!spec\\.ts$)[^/]+\\.(ts|mjs)$' },
      to: { path: '^(components|server|\\.vuepress|scripts|bench|test)/|^modules/(?!$1/|tokens/)' },
    },
    {
      name: 'panels-never-import-the-engine',
      severity: 'error',
      comment: 'A panel is page code: components, protocol and specs; rules stay out of the browser\'s first load.',
      from: { path: '^modules/[^/]+/[^/]+\\.vue$' },
      to: { path: `${ENGINE_SIDE}|^(server|\\.vuepress)/` },
    },
    {
      name: 'components-import-protocol-and-specs',
      severity: 'error',
      comment: 'Components reach modules through the registry\'s specs, never the engine or a module\'s rules.',
      from: { path: '^components/' },
      to: { path: `${ENGINE_SIDE}|^(server|\\.vuepress)/` },
    },
    {
      name: 'server-never-imports-pages',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(components|\\.vuepress)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.vuepress/(\\.temp|\\.cache|dist))/' },
    // Type-only imports count: a type circle is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6'],
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js', '.vue'] },
  },
}
