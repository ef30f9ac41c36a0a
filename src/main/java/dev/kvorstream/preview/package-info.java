/**
 * {@code kv-or-stream serve}: a live preview of the decisions site. The site is made in
 * memory by the same builder and templates as {@code site}, served by the JDK's HTTP server
 * on this machine only by default, and made again from what changed when a
 * {@code WatchService} sees a design, an ADR, a template or the settings change; each open
 * page reloads itself through server-sent events. Nothing is written to disk.
 */
package dev.kvorstream.preview;
