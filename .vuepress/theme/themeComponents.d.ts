// The default theme's own components, which the wrappers here build on (the alias is in config.ts). They import
// the theme's internal `@theme/*` paths, which only its bundler setup resolves, so they are not type-checked here.
declare module '@theme-default-components/*.vue' {
  import type { Component } from 'vue'

  const component: Component
  export default component
}
