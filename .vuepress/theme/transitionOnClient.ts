/**
 * A transition on the client; on the server, its slot alone.
 *
 * A transition writes nothing of its own into the HTML: the server renders what it holds as the page first shows it.
 * Yet one made in a render function (@vuepress/helper's FadeInExpandTransition) is three components on the server
 * (the wrapper, Vue's Transition, BaseTransition, whose props Vue normalizes anew on every use as Transition is a
 * function), and renders what it holds through vnodes instead of the template's strings. `vuepress build` renders
 * one per navbar dropdown on each of ~1,000 pages. On the server this is one component, compiled from a template
 * (TransitionOnServer.vue): the same HTML (test/unit/site/transitionOnClient.test.ts), which the browser's transition
 * hydrates.
 */
import type { Component } from 'vue'
import TransitionOnServer from './TransitionOnServer.vue'

export const transitionOnClient = (transition: Component): Component => (import.meta.env.SSR ? TransitionOnServer : transition)
