/**
 * The decisions site: ADR Markdown to HTML with commonmark (raw HTML escaped, unsafe link
 * schemes neutralised), the path diagram as inline SVG, the search data, and the pages
 * rendered from {@code .ftlh} templates. The writing is in {@code write}.
 */
package dev.kvorstream.site;
