/**
 * The decisions site: ADR Markdown to HTML with commonmark (raw HTML escaped, unsafe link
 * schemes neutralised), the path diagram as inline SVG, the search data, and the pages
 * rendered from {@code .ftlh} templates. Writing goes through a manifest, so only files the
 * site wrote are ever replaced or removed.
 */
package dev.kvorstream.site;
