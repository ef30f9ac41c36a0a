/**
 * Rendering with FreeMarker: the ADR, the index and the text report of {@code decide} from
 * templates (built-in ones on the classpath, a user folder in front), and the JSON report.
 * Renderers receive view records built here from the log; they know nothing of YAML.
 */
package dev.kvorstream.render;
