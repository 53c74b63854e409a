/**
 * A client leaving before its answer is out. Only heavy calls are stopped when that happens (a long
 * `generate`, a slow reply read from komodod); a cheap call is answered in a moment, and cancelling it
 * upstream would only cost a keep-alive connection. So the AbortSignal is made on first use: one
 * AbortController per request, with its listeners, was about 3% of the relay's CPU per call.
 */
export class ClientExit {
  #gone = false
  #controller: AbortController | null = null

  get gone(): boolean {
    return this.#gone
  }

  /** Aborted once the client has left (made on first use, aborted at once if it already has). */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController()
      if (this.#gone) this.#controller.abort()
    }
    return this.#controller.signal
  }

  leave(): void {
    if (this.#gone) return
    this.#gone = true
    this.#controller?.abort()
  }
}
